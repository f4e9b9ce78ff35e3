import { StandardResolutionReasons } from '@openfeature/server-sdk';
import type { FlagValue, ResolutionDetails } from '@openfeature/server-sdk';
import type { LayerResolution } from '../layer-resolution.js';

/**
 * flagd's answer as a layer's: `source: 'remote'`; an error passes (the files
 * decide); no variant with reason DEFAULT or DISABLED means "the caller's
 * default" (`value: undefined`), as in every other layer.
 */
export function remoteResolution(details: ResolutionDetails<FlagValue>): LayerResolution | undefined {
  if (details.errorCode !== undefined) return undefined;
  const noValue = !details.variant && (details.reason === StandardResolutionReasons.DEFAULT || details.reason === StandardResolutionReasons.DISABLED);
  return {
    value: noValue ? undefined : details.value,
    ...(details.variant ? { variant: details.variant } : {}),
    ...(details.reason === undefined ? {} : { reason: details.reason }),
    flagMetadata: { ...details.flagMetadata, source: 'remote' },
  };
}

/**
 * The files' answer while flagd cannot be used: reason STALE (the value may be
 * behind what flagd would serve) and `flagMetadata.remoteFallback: true`.
 * Error answers are left as they are.
 */
export function staleResolution(answer: LayerResolution): LayerResolution {
  if (answer.errorCode !== undefined) return answer;
  return { ...answer, reason: StandardResolutionReasons.STALE, flagMetadata: { ...answer.flagMetadata, remoteFallback: true } };
}
