import type { HistogramBucket } from '@cutover/hooks';

/**
 * The latency of one path over the window, as a Prometheus histogram: exactly
 * the `_bucket` series of prom-client's registry, or of
 * `sum by (le) (increase(<name>_bucket[window]))` over a fleet.
 */
export interface LatencyHistogram {
  /**
   * Cumulative buckets by ascending `le`, ending with `le: Infinity`. Counts from
   * PromQL may be fractional and slightly non-monotonic (each series is
   * extrapolated on its own); the guard repairs that as `histogram_quantile` does.
   */
  readonly buckets: readonly HistogramBucket[];
}

/** What the application reported about the outcome of the work a path did (e.g. "the PR was accepted"). */
export interface OutcomeWindow {
  /** Outcomes reported in the window. */
  readonly total: number;
  /** Of those, the successful ones. */
  readonly successes: number;
}

/** One path (legacy or candidate) of a migration over the window. */
export interface PathWindow {
  /** Calls the path completed in the window, failed ones included. */
  readonly calls: number;
  /** Of those, the calls that threw, timed out or were otherwise reported as errors. */
  readonly errors: number;
  /** Latency of the path's calls. */
  readonly latency: LatencyHistogram;
  /**
   * Fraction of requests the flag routed to this path over the window: the
   * canary weight (e.g. 0.1 and 0.9), or 1 for both paths when each request
   * runs both (dualwrite, shadow, live). Without it on both paths throughput is
   * not judged.
   */
  readonly share?: number;
  /** Application-level outcomes (Tracking API); without them success rate is not judged. */
  readonly outcomes?: OutcomeWindow;
}

/** Result comparisons of candidate against legacy in the window (shadow and live stages). */
export interface ComparisonWindow {
  /** Comparisons made. */
  readonly total: number;
  /** Of those, the ones where the candidate's result matched legacy's. */
  readonly matches: number;
}

/**
 * What the guard sees of one migration: the counts accumulated per path since
 * the window began, normally when the migration entered its current stage or
 * split. Counts are cumulative so the same shape comes from the local
 * prom-client registry (minus the values at the window's start) or from PromQL
 * `increase(…[window])` across a fleet. The tests' guarantee holds for one
 * growing window evaluated any number of times; restart the window when the
 * stage or split changes, not on every evaluation (a sliding window starts a
 * fresh test at each look and loses the guarantee).
 */
export interface GuardSnapshot {
  /** Length of the window in seconds, for throughput in calls per second. */
  readonly windowSeconds: number;
  /** The implementation being replaced. */
  readonly legacy: PathWindow;
  /** The implementation replacing it. */
  readonly candidate: PathWindow;
  /** Comparisons of results; absent when the stage does not compare. */
  readonly comparisons?: ComparisonWindow;
  /**
   * Fraction, 0..1, of the window's answers to callers that the candidate
   * gave (0 in shadow, 1 at `complete`, the split at a canary). The more of
   * the callers the candidate answers, the fewer calls the guard waits for
   * before a criterion may fail; absent, it waits for `minSample`.
   */
  readonly exposure?: number;
}
