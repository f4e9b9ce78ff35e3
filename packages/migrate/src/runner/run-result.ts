import type { ObservationStatus } from '../observation-status.js';
import type { MigrationStage } from '@cutover/flag-model';
import type { ComparisonVerdict } from './comparison-verdict.js';
import type { Path } from './run-context.js';

/** One path of a compared call, as its result keeps it. */
export interface PathResult {
  readonly path: Path;
  readonly status: ObservationStatus;
  readonly durationMs: number;
  /** The error, described; set when the path failed. */
  readonly error?: string;
  /** What `clean` made of the value; set when the path succeeded and the outcome is not a match (a match stores no values unless `keepMatchValues`). */
  readonly value?: unknown;
}

/**
 * Everything one compared call concluded, produced once, after the user's
 * callbacks ran (contained), and frozen. The comparison event and the stored
 * record are pure functions of it, so they cannot disagree; it is a summary
 * entry as its record is.
 */
export interface RunResult extends ComparisonVerdict {
  readonly flagKey: string;
  readonly stage: MigrationStage;
  /** ISO-8601 UTC time the comparison concluded. */
  readonly timestamp: string;
  /** The item the call was about (the flag's targeting key by default). */
  readonly itemId?: string;
  readonly legacy: PathResult;
  readonly candidate: PathResult;
  /** What `redact` made of the input; set when the outcome is not a match (or `keepMatchValues`), for replay. */
  readonly input?: unknown;
}
