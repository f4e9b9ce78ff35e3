import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { BeforeHookContext, EvaluationDetails, FlagValue, Hook, HookContext } from '@openfeature/server-sdk';
import { EvaluationMetrics } from './evaluation-metrics.js';
import { FlagSeries } from './flag-series.js';
import { resolveMetricsHookConfig } from './metrics-hook-config.js';
import type { MetricsHookOptions } from './metrics-hook-config.js';

// Keys of what the hook keeps in `hookContext.hookData` between its stages:
// the evaluation's series, resolved once in `before`, and `performance.now()`
// at `before`. The hook implements the plain `Hook` rather than
// `Hook<TypedData>` because the SDK's `addHooks` accepts only the former; the
// values are narrowed on the way out instead.
const SERIES = 'series';
const STARTED_AT = 'startedAt';

/**
 * An OpenFeature hook that writes Prometheus metrics for every flag evaluation:
 * requests, successes by variant and reason, errors by error code, evaluations
 * in flight and a duration histogram. Names and labels are in `conventions.ts`.
 *
 * The outcome is taken from the evaluation details in `finally`, not from the
 * `after` and `error` stages, so every evaluation counts exactly once as a
 * success or an error, as the caller sees it (an `after` hook that throws turns
 * a resolved flag into an error).
 *
 * @example
 * OpenFeature.addHooks(new MetricsHook({ registry }));
 */
export class MetricsHook implements Hook {
  private readonly metrics: EvaluationMetrics;

  /**
   * @param options registry, duration buckets and cardinality limits; see `MetricsHookConfig`
   * @throws {InvalidOptionError} when an option is unusable
   */
  constructor(options: MetricsHookOptions = {}) {
    this.metrics = new EvaluationMetrics(resolveMetricsHookConfig(options));
  }

  /** Counts the request, marks it in flight and starts the clock. */
  before(hookContext: BeforeHookContext): void {
    const series = this.metrics.series(hookContext.providerMetadata.name, hookContext.flagKey);
    series.requests.value++;
    series.active++;
    hookContext.hookData.set(SERIES, series);
    hookContext.hookData.set(STARTED_AT, performance.now());
  }

  /** Records the duration and the outcome, and takes the evaluation out of flight. */
  finally(hookContext: Readonly<HookContext>, details: EvaluationDetails<FlagValue>): void {
    const marked = hookContext.hookData.get(SERIES);
    const startedAt = hookContext.hookData.get(STARTED_AT);
    let series: FlagSeries;
    if (marked instanceof FlagSeries && typeof startedAt === 'number') {
      series = marked;
      series.active--;
      series.observe((performance.now() - startedAt) / 1000);
    } else {
      // An earlier hook's `before` threw, so ours never ran: the evaluation
      // still happened and failed, and requests must still equal outcomes.
      series = this.metrics.series(hookContext.providerMetadata.name, hookContext.flagKey);
      series.requests.value++;
    }
    if (details.errorCode !== undefined || details.reason === StandardResolutionReasons.ERROR) {
      series.error(details.errorCode ?? ErrorCode.GENERAL).value++;
    } else {
      series.success(details.variant ?? '', details.reason ?? StandardResolutionReasons.UNKNOWN).value++;
    }
  }
}
