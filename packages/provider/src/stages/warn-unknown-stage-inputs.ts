import type { Logger } from '@openfeature/server-sdk';
import { nearestKeys } from '../nearest-keys.js';
import type { StageMapper } from './stage-mapper.js';

/**
 * A stage mapping that reads a flag no layer knows counts it as false, which
 * is right for a switch left unset; said at start-up when the key is close to
 * a known one, because then it is most likely a typo.
 */
export function warnUnknownStageInputs(mappers: Iterable<StageMapper>, known: ReadonlyMap<string, unknown>, logger: Logger): void {
  for (const mapper of mappers) {
    for (const input of mapper.inputs) {
      if (known.has(input)) continue;
      const nearest = nearestKeys(input, known.keys());
      if (nearest.length === 0) continue;
      logger.warn(`cutover: the stage of "${mapper.flagKey}" reads flag "${input}", which no layer defines (counted as false); did you mean ${nearest.map((k) => `"${k}"`).join(', ')}?`);
    }
  }
}
