import { StandardResolutionReasons } from '@openfeature/server-sdk';
import type { FlagValue } from '@openfeature/server-sdk';
import type { LayerResolution } from './layer-resolution.js';

/** One flag as it resolves for a context: what `snapshot()` lists (every flag at once, for a debug page or a health check). */
export interface FlagSnapshotEntry {
  readonly flagKey: string;
  readonly value: FlagValue | undefined;
  readonly variant?: string;
  readonly reason: string;
  /** The layer that answered. */
  readonly source: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** The entry of one flag from the layers' answer for it. */
export function snapshotEntryOf(flagKey: string, answer: LayerResolution): FlagSnapshotEntry {
  return {
    flagKey,
    value: answer.value,
    ...(answer.variant === undefined ? {} : { variant: answer.variant }),
    reason: answer.reason ?? StandardResolutionReasons.UNKNOWN,
    source: String(answer.flagMetadata.source),
    ...(answer.errorCode === undefined ? {} : { errorCode: answer.errorCode, errorMessage: answer.errorMessage ?? '' }),
  };
}
