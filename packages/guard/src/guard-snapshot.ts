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
  /**
   * The same calls in native histogram buckets, 2.2 % apart at schema 5
   * (this process's, or a fleet's through Prometheus),
   * cumulative in the same shape; the latency check prefers them, since
   * exported buckets ×1.2 apart cannot resolve a 20 % regression.
   */
  readonly precise?: readonly HistogramBucket[];
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
  /**
   * Calls the flag routed to the path: completed ones and runs shed by the
   * in-flight bound. Without it availability and traffic are not judged.
   */
  readonly routed?: number;
  /** Of the routed calls, the ones never answered in time: timeouts and shed runs. */
  readonly unanswered?: number;
}

/**
 * Requests on which both paths ran and were compared, by how the pair ended:
 * what the paired tests count. Only the discordant pairs tell the paths apart.
 */
export interface PairedWindow {
  /** Compared requests with both outcomes known. */
  readonly total: number;
  /** Of those, the ones where legacy failed and the candidate did not. */
  readonly legacyOnlyErrors: number;
  /** Of those, the ones where the candidate failed and legacy did not. */
  readonly candidateOnlyErrors: number;
  /**
   * Candidate duration over legacy duration on each compared request that
   * both paths succeeded on, as cumulative buckets by ascending `le` ending
   * with `le: Infinity` (`cutover_migration_paired_latency_ratio`). When
   * present, the latency check adds the paired sign test.
   */
  readonly latencyRatio?: readonly HistogramBucket[];
}

/**
 * The most recent part of the window (the last `seconds`), for the traffic
 * check: whether the candidate still answers its share of the requests.
 */
export interface RecentTraffic {
  /** How far back "recent" reaches, in seconds. */
  readonly seconds: number;
  /** Calls routed to legacy in that time. */
  readonly legacyRouted: number;
  /** Calls routed to the candidate in that time. */
  readonly candidateRouted: number;
  /** Of those, the ones the candidate answered (ok or error, in time). */
  readonly candidateAnswered: number;
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
  /** Paired outcomes of the compared requests; when present, the error-increase check is paired. */
  readonly pairs?: PairedWindow;
  /**
   * The stages the flag served in the window (`shadow`, `live`…). Decides the
   * criteria that depend on where the candidate runs; when absent, every
   * criterion applies.
   */
  readonly stages?: readonly string[];
  /** Traffic in the most recent part of the window; filled by the `Guard`, which sees successive snapshots. */
  readonly recent?: RecentTraffic;
}
