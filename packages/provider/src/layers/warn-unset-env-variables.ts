import type { Logger } from '@openfeature/server-sdk';
import { nearestKeys } from '../nearest-keys.js';
import type { EnvMappedFlag } from './env-mapped-flag.js';

/**
 * A declared variable that is unset while a variable of a close name is set
 * (`BULLMQ_TENANT` for `BULLMQ_TENANTS`) is most likely a typo on one side:
 * unset reads as "not given", so the flag would quietly serve something else.
 * Said at start-up, naming both.
 */
export function warnUnsetEnvVariables(flags: Iterable<EnvMappedFlag>, env: Readonly<Record<string, string | undefined>>, logger: Logger): void {
  const set = Object.keys(env).filter((name) => env[name] !== undefined);
  for (const flag of flags) {
    for (const [variable, value] of Object.entries(flag.variables)) {
      if (value !== undefined) continue;
      const nearest = nearestKeys(variable, set).filter((name) => !(name in flag.variables));
      if (nearest.length === 0) continue;
      logger.warn(`cutover: env flag "${flag.flagKey}" reads ${variable}, which is unset, while ${nearest.join(', ')} is set: is one of them misspelt?`);
    }
  }
}
