import { DEFAULT_MIGRATION_METRICS_CONFIG } from '@cutover/hooks';
import type { HistogramBucket } from '@cutover/hooks';
import type { GuardOptions, GuardSnapshot, GuardSource, PathWindow } from '@cutover/guard';
import { guardAnalysis } from './guard-analysis.js';
import type { RolloutAnalysis } from './rollout-analysis.js';

/** One path of a stored comparison, as much of it as the analysis reads. */
interface StoredPath {
  readonly status: string;
  readonly durationMs: number;
}

/** What the analysis reads of a comparison store (`ComparisonStore` from `@cutover/migrate` fits). */
export interface ComparisonRecordReader {
  records(range: { readonly from?: Date; readonly flagKey?: string }): AsyncIterable<{ readonly outcome: string; readonly legacy: StoredPath; readonly candidate: StoredPath }>;
}

/** Everything {@link comparisonRecordsAnalysis} needs. */
export interface ComparisonRecordsAnalysisInit {
  /** The store the application writes its comparisons to. */
  readonly store: ComparisonRecordReader;
  /** Where the store is, for progress output. */
  readonly location: string;
  readonly flagKey: string;
  /** The guard's limits. */
  readonly criteria?: GuardOptions;
  /** Milliseconds clock. @default Date.now */
  readonly now?: () => number;
}

/**
 * Reads a migration's window from the comparisons the application stored:
 * every compared call ran both paths, so each record counts one call of each,
 * an error or timeout of each, their latencies, and the match. What the
 * records cannot tell is not judged: throughput (no routing shares) and the
 * application's own outcomes. The records carry their time, so a window can
 * start in the past, as with Prometheus.
 */
export class ComparisonRecordsSource implements GuardSource {
  readonly description: string;
  private readonly now: () => number;
  private from: number;

  constructor(private readonly init: ComparisonRecordsAnalysisInit) {
    this.description = `comparison store ${init.location}, flag "${init.flagKey}"`;
    this.now = init.now ?? Date.now;
    this.from = this.now();
  }

  /** Starts the window now, or at `at` (ms since the epoch) when given. */
  startWindow(at?: number): void {
    this.from = at ?? this.now();
  }

  async snapshot(): Promise<GuardSnapshot> {
    const legacy = new PathTally();
    const candidate = new PathTally();
    let total = 0;
    let matches = 0;
    for await (const record of this.init.store.records({ from: new Date(this.from), flagKey: this.init.flagKey })) {
      legacy.add(record.legacy);
      candidate.add(record.candidate);
      if (record.outcome === 'match' || record.outcome === 'mismatch') total++;
      if (record.outcome === 'match') matches++;
    }
    const windowSeconds = Math.max(0, this.now() - this.from) / 1000;
    return { windowSeconds, legacy: legacy.window(), candidate: candidate.window(), ...(total > 0 ? { comparisons: { total, matches } } : {}) };
  }
}

/** The controller's analysis on a comparison store (see {@link ComparisonRecordsSource}): for a service without Prometheus. */
export function comparisonRecordsAnalysis(init: ComparisonRecordsAnalysisInit): RolloutAnalysis {
  const source = new ComparisonRecordsSource(init);
  const analysis = guardAnalysis(source, init.criteria);
  return { description: source.description, startWindow: (at: number) => source.startWindow(Math.min(at, (init.now ?? Date.now)())), evaluate: analysis.evaluate };
}

// The bucket bounds the migration metrics use, so the guard reads the same latency resolution from either source.
const BOUNDS = [...DEFAULT_MIGRATION_METRICS_CONFIG.durationBuckets, Infinity];

class PathTally {
  private calls = 0;
  private errors = 0;
  private readonly counts = new Array<number>(BOUNDS.length).fill(0);

  add(path: StoredPath): void {
    this.calls++;
    if (path.status !== 'ok') this.errors++;
    const seconds = path.durationMs / 1000;
    this.counts[BOUNDS.findIndex((le) => seconds <= le)]!++;
  }

  window(): PathWindow {
    let cumulative = 0;
    const buckets: HistogramBucket[] = BOUNDS.map((le, i) => ({ le, count: (cumulative += this.counts[i]!) }));
    return { calls: this.calls, errors: this.errors, latency: { buckets } };
  }
}
