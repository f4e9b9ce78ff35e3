import type { FlagValue } from '@openfeature/server-sdk';

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
