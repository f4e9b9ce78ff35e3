import { PAIRED_LATENCY_RATIO_BUCKETS } from '../conventions.js';
import { DurationCells } from '../metrics/duration-cells.js';

const BOUNDS = Float64Array.from(PAIRED_LATENCY_RATIO_BUCKETS);
// Far above the last finite bound: a ratio clamped here still lands in `+Inf`, and the exported sum stays finite.
const RATIO_CAP = 1000;

/**
 * Candidate duration over legacy duration, one observation per compared
 * request on which both paths succeeded: the histogram the guard's paired
 * latency test reads. A request whose two durations are both 0 (below the
 * clock's resolution) is a tie and is skipped, as a sign test skips ties; a
 * 0 on one side only counts on that side (0 below every bound; a candidate
 * slower than a legacy of 0 above every bound, its ratio clamped for the
 * sum), so legacy and candidate are treated alike. Plain numbers, no
 * allocation per request.
 */
export class PairedLatencyRatios {
  /** Ratios per bucket since the series was created, non-cumulative, as the local guard reads them; the last slot is `+Inf`. */
  readonly bucketCounts = new Float64Array(BOUNDS.length + 1);
  /** Ratios since the last scrape, for the exported histogram. */
  readonly cells: DurationCells;

  /** @param labels the series' label set (the flag key), built once */
  constructor(labels: Readonly<Record<string, string>>) {
    this.cells = new DurationCells(labels, BOUNDS);
  }

  /** Records one request's pair of durations, in any one unit. */
  observe(legacy: number, candidate: number): void {
    if (!(legacy >= 0 && candidate >= 0 && legacy + candidate < Infinity)) return;
    const ratio = candidate / legacy;
    // NaN only for the tie 0 / 0.
    if (Number.isNaN(ratio)) return;
    this.bucketCounts[this.cells.observe(Math.min(ratio, RATIO_CAP))]!++;
  }
}
