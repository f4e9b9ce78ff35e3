import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { FlagValue, ResolutionDetails } from '@openfeature/server-sdk';
import type { FlagType } from './flags/compiled-flag.js';
import { typeOfValue } from './known-flag-types.js';
import type { LayerResolution } from './layer-resolution.js';

/** Turns a layer's answer into what OpenFeature expects, checking the type the caller asked for. */
export function resolutionDetailsOf<T extends FlagValue>(answer: LayerResolution, type: FlagType, defaultValue: T): ResolutionDetails<T> {
  if (answer.errorCode !== undefined) return { ...answer, value: defaultValue };
  if (answer.value === undefined) return { ...answer, value: defaultValue };
  if (typeOfValue(answer.value) !== type) {
    return {
      value: defaultValue,
      reason: StandardResolutionReasons.ERROR,
      errorCode: ErrorCode.TYPE_MISMATCH,
      errorMessage: `flag is a ${typeOfValue(answer.value)}, not a ${type}`,
      flagMetadata: answer.flagMetadata,
    };
  }
  return answer as ResolutionDetails<T>;
}
