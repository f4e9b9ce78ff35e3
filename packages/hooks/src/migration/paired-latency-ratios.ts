import { LATENCY_TOLERANCE_SECONDS, PAIRED_LATENCY_RATIO_BUCKETS } from '../conventions.js';
import { DurationCells } from '../metrics/duration-cells.js';

const BOUNDS = Float64Array.from(PAIRED_LATENCY_RATIO_BUCKETS);
// Far above the last finite bound: a ratio clamped here still lands in `+Inf`, and the exported sum stays finite.
const RATIO_CAP = 1000;

const TOLERANCE_MS = LATENCY_TOLERANCE_SECONDS * 1000;

/**
 * The ratio recorded for one request's pair of durations, in milliseconds:
 * the candidate's over legacy's or the tolerance, whichever is longer,
 * clamped to keep the exported sum finite; undefined for impossible durations.
 */
export function pairedLatencyRatio(legacyMs: number, candidateMs: number): number | undefined {
  if (!(legacyMs >= 0 && candidateMs >= 0 && legacyMs + candidateMs < Infinity)) return undefined;
  return Math.min(candidateMs / Math.max(legacyMs, TOLERANCE_MS), RATIO_CAP);
}

/**
 * Candidate duration over legacy duration, one observation per compared
 * request on which both paths succeeded: the histogram the guard's paired
 * latency test reads. The ratio divides by legacy's duration or
 * {@link LATENCY_TOLERANCE_SECONDS}, whichever is longer: a candidate is
 * above a limit r only when it is r times slower and slower by more than the
 * tolerance, so sub-millisecond work, where scheduling decides the ratio, is
 * never judged slower. The null of the sign test stays valid: under A/A the
 * ratio still exceeds r ≥ 1 on at most half the requests. Plain numbers, no
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

  /** Records one request's pair of durations, in milliseconds. */
  observe(legacyMs: number, candidateMs: number): void {
    const ratio = pairedLatencyRatio(legacyMs, candidateMs);
    if (ratio !== undefined) this.bucketCounts[this.cells.observe(ratio)]!++;
  }
}
