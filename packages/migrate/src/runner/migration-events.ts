import type { Operation, Path } from './run-context.js';
import type { MigrationStage } from '@cutover/flag-model';
import type { ComparisonVerdict } from './comparison-verdict.js';
import type { ObservationStatus } from '../observation-status.js';

/** The stage read for one call. `raw` is what the flag served; an unknown value runs as `off`. */
export interface StageEvent {
  readonly type: 'stage';
  readonly flagKey: string;
  readonly operation: Operation;
  /** The stage the runner acted on. */
  readonly stage: MigrationStage;
  /** The value the flag evaluation returned. */
  readonly raw: string;
  /** False when `raw` is not a stage and `off` was used instead. */
  readonly known: boolean;
  /** OpenFeature's reason and error code of the evaluation, when it gave them. */
  readonly reason?: string;
  readonly errorCode?: string;
}

/** How one path of one call ended, as seen by the runner. */
export type PathOutcome = 'ok' | 'error' | 'timeout' | 'skipped';

/**
 * Why a path that the stage calls for did not run. `lock-unavailable`: the
 * item lock could not make its lease exclusive, so only the authoritative path ran.
 * `read-only`: a write in read-only mode, simulated.
 */
export const SKIP_REASONS = Object.freeze(['unsampled', 'in-flight-limit', 'authoritative-failed', 'lock-unavailable', 'read-only'] as const);

/** One of {@link SKIP_REASONS}. */
export type SkipReason = (typeof SKIP_REASONS)[number];

/** One path of one call: ok, error, timeout or skipped, with its duration. */
export interface PathEvent {
  readonly type: 'path';
  readonly flagKey: string;
  readonly operation: Operation;
  readonly stage: MigrationStage;
  readonly path: Path;
  /** True when the caller got (or would have got) this path's outcome. */
  readonly authoritative: boolean;
  readonly outcome: PathOutcome;
  /** Milliseconds the runner observed; 0 when skipped. */
  readonly durationMs: number;
  readonly skipReason?: SkipReason;
}

/** One comparison of legacy with candidate, after noise cancellation and ignorers. */
export interface ComparisonEvent extends ComparisonVerdict {
  readonly type: 'comparison';
  readonly flagKey: string;
  readonly stage: MigrationStage;
  /** The item the call was about, when known. */
  readonly itemId?: string;
  readonly legacyMs: number;
  readonly candidateMs: number;
  /**
   * How each path of this one request ended: the pair the guard's paired tests
   * count (both ok, only legacy failed, only the candidate failed). Set by the
   * runner; optional so that hand-made events stay valid.
   */
  readonly legacyStatus?: ObservationStatus;
  readonly candidateStatus?: ObservationStatus;
}

/** The candidate's read failed (`live`, `rampdown`, `complete`) and `fallbackToLegacy` returned legacy's outcome instead. */
export interface FallbackEvent {
  readonly type: 'fallback';
  readonly flagKey: string;
  readonly stage: MigrationStage;
  readonly operation: Operation;
  /** What the candidate ended with. */
  readonly cause: 'error' | 'timeout';
}

/** Every event the runner emits; the hooks package turns them into metrics and guard decisions. */
export type MigrationEvent = StageEvent | PathEvent | ComparisonEvent | FallbackEvent;

/** Receives events; may throw, the runner counts and logs it. */
export type MigrationListener = (event: MigrationEvent) => void;
