import { PrometheusSource, StoreComparisonSource } from '@cutover/guard';
import type { ComparisonCountsReader, GuardOptions } from '@cutover/guard';
import { guardAnalysis } from './guard-analysis.js';
import type { RolloutAnalysis } from './rollout-analysis.js';

/** Everything {@link prometheusAnalysis} needs. */
export interface PrometheusAnalysisInit {
  /** Base URL of the Prometheus server that scrapes the fleet. */
  readonly url: string;
  readonly flagKey: string;
  /** The guard's limits. */
  readonly criteria?: GuardOptions;
  /**
   * A comparison store the fleet shares (PostgreSQL): the match rate is judged
   * on its records instead of the comparison counters. @default none
   */
  readonly comparisons?: ComparisonCountsReader;
  /** Query timeout in ms. @default 5000 */
  readonly timeoutMs?: number;
  /** Milliseconds clock. @default Date.now */
  readonly now?: () => number;
}

/**
 * The fleet's analysis through Prometheus (`PrometheusSource`). Prometheus
 * keeps the counts, so a window can start in the past: a controller restarted
 * mid-step judges the whole step since its split took effect, losing nothing.
 */
export function prometheusAnalysis(init: PrometheusAnalysisInit): RolloutAnalysis {
  const now = init.now ?? Date.now;
  let pinned: number | undefined;
  // PrometheusSource starts its window at its clock's "now": pin the clock to the step's start for that one call.
  const clock = (): number => pinned ?? now();
  const fleet = new PrometheusSource({ url: init.url, flagKey: init.flagKey, now: clock, ...(init.timeoutMs === undefined ? {} : { timeoutMs: init.timeoutMs }) });
  const source = init.comparisons ? new StoreComparisonSource({ paths: fleet, store: init.comparisons, flagKey: init.flagKey, now: clock }) : fleet;
  const analysis = guardAnalysis(source, init.criteria);
  return {
    description: source.description,
    startWindow(at: number): void {
      pinned = Math.min(at, now());
      source.startWindow();
      pinned = undefined;
    },
    evaluate: analysis.evaluate,
  };
}
