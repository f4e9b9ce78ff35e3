import { envBoolean, InvalidOptionError } from '@cutover/core';
import type { Logger } from '@cutover/core';
import type { Client, EvaluationContext } from '@openfeature/server-sdk';
import type { ReadOnlySwitch } from './read-only-switch.js';

/** The OpenFeature call a flag switch makes. */
export type ReadOnlyClient = Partial<Pick<Client, 'getBooleanDetails'>>;

/** What a {@link ReadOnlyMode} reads its switch from. */
export interface ReadOnlyModeSetup {
  readonly flagKey: string;
  readonly readOnly: ReadOnlySwitch;
  readonly env: NodeJS.ProcessEnv;
  readonly client: ReadOnlyClient;
  readonly logger: Logger;
}

/**
 * Tells, per call, whether a migration runs read-only. A fixed answer or an
 * environment variable costs nothing per call; a flag is one boolean
 * evaluation. A flag that cannot be evaluated (missing, not a boolean) keeps
 * the migration read-only and says so: a broken safety switch must not let
 * writes through.
 */
export class ReadOnlyMode {
  /** The answer when it does not depend on the call. */
  private readonly fixed: boolean | undefined;
  private readonly flag: string | undefined;
  private reportedFailure = false;

  constructor(private readonly setup: ReadOnlyModeSetup) {
    const { readOnly } = setup;
    if (typeof readOnly === 'boolean') this.fixed = readOnly;
    else if ('env' in readOnly) this.fixed = readEnvSwitch(readOnly.env, setup.env);
    else {
      if (typeof setup.client.getBooleanDetails !== 'function') {
        throw new InvalidOptionError({ component: 'Migration', option: 'readOnly', reason: `the flag switch "${readOnly.flag}" needs a client with getBooleanDetails` });
      }
      this.flag = readOnly.flag;
    }
  }

  /** Whether this call runs read-only; a promise only for a flag switch. */
  of(context: EvaluationContext | undefined): boolean | Promise<boolean> {
    if (this.fixed !== undefined) return this.fixed;
    return this.evaluate(this.flag!, context);
  }

  private async evaluate(flag: string, context: EvaluationContext | undefined): Promise<boolean> {
    const details = await this.setup.client.getBooleanDetails!(flag, true, context);
    if (details.errorCode === undefined) return details.value;
    if (!this.reportedFailure) {
      this.reportedFailure = true;
      this.setup.logger.error(`migration "${this.setup.flagKey}": the read-only switch "${flag}" could not be evaluated (${details.errorCode}); running read-only`);
    }
    return true;
  }
}

function readEnvSwitch(variable: string, env: NodeJS.ProcessEnv): boolean {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return false;
  const value = envBoolean(raw);
  if (typeof value === 'boolean') return value;
  throw new InvalidOptionError({ component: 'Migration', option: 'readOnly', envVariable: variable, reason: `"${raw}" is not true/1/yes/on or false/0/no/off` });
}
