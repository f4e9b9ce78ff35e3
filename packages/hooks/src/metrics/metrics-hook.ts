import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { BeforeHookContext, EvaluationDetails, FlagValue, Hook, HookContext } from '@openfeature/server-sdk';
import { EvaluationMetrics } from './evaluation-metrics.js';
import type { FlagSeries } from './flag-series.js';
import { resolveMetricsHookConfig } from './metrics-hook-config.js';
import type { MetricsHookOptions } from './metrics-hook-config.js';

/** What the hook keeps in `hookContext.hookData` between its stages. */
interface MetricsHookData {
  /** The evaluation's series, resolved once in `before`. */
  series: FlagSeries;
  /** `performance.now()` at `before`, in milliseconds. */
  startedAt: number;
}

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
export class MetricsHook implements Hook<MetricsHookData> {
  private readonly metrics: EvaluationMetrics;

  /**
   * @param options registry, duration buckets and cardinality limits; see `MetricsHookConfig`
   * @throws {InvalidOptionError} when an option is unusable
   */
  constructor(options: MetricsHookOptions = {}) {
    this.metrics = EvaluationMetrics.for(resolveMetricsHookConfig(options));
  }

  /** Counts the request, marks it in flight and starts the clock. */
  before(hookContext: BeforeHookContext<FlagValue, MetricsHookData>): void {
    const series = this.metrics.series(hookContext.providerMetadata.name, hookContext.flagKey);
    series.requests.value++;
    series.active++;
    hookContext.hookData.set('series', series);
    hookContext.hookData.set('startedAt', performance.now());
  }

  /** Records the duration and the outcome, and takes the evaluation out of flight. */
  finally(hookContext: Readonly<HookContext<FlagValue, MetricsHookData>>, details: EvaluationDetails<FlagValue>): void {
    let series = hookContext.hookData.get('series');
    const startedAt = hookContext.hookData.get('startedAt');
    if (series !== undefined && startedAt !== undefined) {
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
