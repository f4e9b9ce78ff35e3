import type { ComparisonRecord } from './comparison-record.js';

/** Where a migration sends its comparisons; {@link FileComparisonStore} is one. */
export interface ComparisonSink {
  /** Stores one record. May reject; the runner contains it. */
  record(record: ComparisonRecord): Promise<void>;
}
