import type { ComparisonRecord } from './comparison-record.js';
import type { ComparisonSink } from './comparison-sink.js';
import type { RecordRange } from './file-comparison-store.js';
import type { ComparisonSummary } from './summary-builder.js';

/** The counters every comparison store keeps. */
export interface ComparisonStoreStats {
  /** Records this instance stored. */
  readonly written: number;
  /** Records lost to a full queue or an oversized record. */
  readonly dropped: number;
  /** Records lost to storage errors. */
  readonly writeErrors: number;
}

/**
 * A comparison store: the sink a migration writes to, and the reads that
 * reports, cleanup checks and the dashboard make. {@link FileComparisonStore}
 * is one process's store; `PostgresComparisonStore` (`@cutover/store-postgres`) a fleet's.
 */
export interface ComparisonStore extends ComparisonSink {
  /**
   * True when the store holds the records of every instance (one database for
   * the fleet), so its summaries are the fleet's: a guard given the store
   * judges match rate on them. Absent for one process's store.
   */
  readonly shared?: boolean;
  /** Totals, match rate, durations (average, p95) per path and top difference paths over `range`. */
  getSummary(range?: RecordRange): Promise<ComparisonSummary>;
  /** The records of `range`, streamed. */
  records(range?: RecordRange): AsyncIterable<ComparisonRecord>;
  /** The `count` most recent records, newest first. */
  getRecent(count: number): Promise<ComparisonRecord[]>;
  /** Resolves when every record given so far is stored (or counted as lost). */
  flush(): Promise<void>;
  /** Flushes and releases the store's resources. */
  close(): Promise<void>;
  stats(): ComparisonStoreStats;
  /**
   * One round trip to the server behind the store, for health checks; rejects
   * with the reason when it cannot be reached. Absent for a store on local disk.
   */
  ping?(): Promise<void>;
}
