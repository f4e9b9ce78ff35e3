import { DDSketch } from '@datadog/sketches-js';
import type { SummaryEntry, SummaryPath } from './summary-entry.js';

/** Durations and failures of one path over a summary's records. */
export interface PathSummary {
  readonly count: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly averageMs: number;
  /** 95th percentile, within 1 % (DDSketch's relative-error guarantee). */
  readonly p95Ms: number;
}

/** How often a difference path occurred; array indices are folded to `[*]`. */
export interface DifferenceCount {
  readonly path: string;
  readonly count: number;
  /** The first items (chats, tenants, issues) that differed at this path, at most three; absent when no record named its item. */
  readonly items?: readonly string[];
}

/** What {@link FileComparisonStore.getSummary} returns. */
export interface ComparisonSummary {
  readonly total: number;
  readonly matches: number;
  readonly mismatches: number;
  /** Comparisons that could not be decided (a comparator failed, or a value was over `maxComparedBytes`): neither match nor mismatch. */
  readonly errors: number;
  /** Matches that were mismatches turned into matches by an ignorer. */
  readonly ignored: number;
  /** matches / (matches + mismatches); 1 when there was nothing to compare. */
  readonly matchRate: number;
  readonly legacy: PathSummary;
  readonly candidate: PathSummary;
  /** The most frequent difference paths of mismatches, most frequent first. */
  readonly topDifferences: readonly DifferenceCount[];
  /** Lines skipped because they were torn or corrupt. */
  readonly tornLines: number;
}

// Distinct difference paths tracked; comparators may produce unbounded keys.
const MAX_PATHS = 10_000;
const TOP = 10;
// Example items kept per difference path: enough to look one up, bounded like the paths.
const EXAMPLES = 3;
const INDEX = /\[\d+\]/g;

/**
 * Accumulates comparisons one at a time in constant memory: counters, two DDSketch
 * quantile sketches and a capped map of difference paths.
 */
export class SummaryBuilder {
  private total = 0;
  private matches = 0;
  private mismatches = 0;
  private errors = 0;
  private ignored = 0;
  private readonly legacy = new PathAccumulator();
  private readonly candidate = new PathAccumulator();
  private readonly paths = new Map<string, number>();
  private readonly examples = new Map<string, string[]>();

  /** Adds one comparison: a stored record or a result. */
  add(record: SummaryEntry): void {
    this.total++;
    if (record.outcome === 'match') this.matches++;
    else if (record.outcome === 'mismatch') this.mismatches++;
    else this.errors++;
    if (record.ignored) this.ignored++;
    this.legacy.add(record.legacy);
    this.candidate.add(record.candidate);
    if (record.outcome !== 'mismatch') return;
    for (const { path } of record.differences) {
      const key = path.replace(INDEX, '[*]');
      const count = this.paths.get(key);
      if (count !== undefined) this.paths.set(key, count + 1);
      else if (this.paths.size < MAX_PATHS) this.paths.set(key, 1);
      else continue;
      if (record.itemId !== undefined) this.example(key, record.itemId);
    }
  }

  private example(path: string, itemId: string): void {
    const items = this.examples.get(path);
    if (!items) this.examples.set(path, [itemId]);
    else if (items.length < EXAMPLES && !items.includes(itemId)) items.push(itemId);
  }

  /** The summary of everything added. */
  build(tornLines: number): ComparisonSummary {
    const compared = this.matches + this.mismatches;
    const topDifferences = [...this.paths]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([path, count]) => {
        const items = this.examples.get(path);
        return items ? { path, count, items } : { path, count };
      });
    return {
      total: this.total,
      matches: this.matches,
      mismatches: this.mismatches,
      errors: this.errors,
      ignored: this.ignored,
      matchRate: compared === 0 ? 1 : this.matches / compared,
      legacy: this.legacy.build(),
      candidate: this.candidate.build(),
      topDifferences,
      tornLines,
    };
  }
}

class PathAccumulator {
  private readonly sketch = new DDSketch({ relativeAccuracy: 0.01 });
  private errors = 0;
  private timeouts = 0;

  add(path: SummaryPath): void {
    if (path.status === 'error') this.errors++;
    else if (path.status === 'timeout') this.timeouts++;
    const ms = path.durationMs;
    if (typeof ms === 'number' && ms >= 0) this.sketch.accept(ms);
  }

  build(): PathSummary {
    const { count, sum } = this.sketch;
    return {
      count,
      errors: this.errors,
      timeouts: this.timeouts,
      averageMs: count === 0 ? 0 : sum / count,
      p95Ms: count === 0 ? 0 : this.sketch.getValueAtQuantile(0.95),
    };
  }
}
