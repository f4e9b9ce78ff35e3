import type { Difference } from '@cutover/comparators';
import type { ComparisonFailure, ComparisonOutcome } from '../comparison-outcome.js';
import type { ObservationStatus } from '../observation-status.js';
import type { MigrationStage } from '@cutover/flag-model';
import type { SummaryEntry } from './summary-entry.js';

/** One path of a recorded comparison. */
export interface RecordedPath {
  readonly status: ObservationStatus;
  readonly durationMs: number;
  /** The cleaned, bounded value; stored for mismatches (and matches with `keepMatchValues`). */
  readonly value?: unknown;
  /** The error's message, when the path failed. */
  readonly error?: string;
}

/**
 * One line of the comparison store. Matches are kept small (no values, no
 * input) because summaries read every line; mismatches carry what a replay needs.
 */
export interface ComparisonRecord extends SummaryEntry {
  /** ISO-8601 UTC time of the comparison; its date picks the day file. */
  readonly timestamp: string;
  readonly flagKey: string;
  readonly stage: MigrationStage;
  /** The item the call was about (a chat, a tenant, an issue): the flag's targeting key unless the migration names it. */
  readonly itemId?: string;
  readonly outcome: ComparisonOutcome;
  /** True when an `ignore` callback turned a mismatch into a match. */
  readonly ignored?: boolean;
  readonly legacy: RecordedPath;
  readonly candidate: RecordedPath;
  readonly differences: readonly Difference[];
  /** Paths excluded as noise. */
  readonly noisy?: readonly string[];
  /** The redacted, bounded input of a mismatch, for `replay`. */
  readonly input?: unknown;
  /** Why the outcome is `error`. */
  readonly failure?: ComparisonFailure;
}

/** A cheap shape check for lines read back (full validation of a million lines would dominate a summary). */
export function isComparisonRecord(value: unknown): value is ComparisonRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Record<keyof ComparisonRecord, unknown>>;
  return (
    typeof r.timestamp === 'string' &&
    typeof r.outcome === 'string' &&
    typeof r.legacy === 'object' &&
    r.legacy !== null &&
    typeof r.candidate === 'object' &&
    r.candidate !== null &&
    Array.isArray(r.differences)
  );
}
