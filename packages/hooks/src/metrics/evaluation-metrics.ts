import { FLAG_LABELS, FLAG_METRICS, OVERFLOW_LABEL_VALUE } from '../conventions.js';
import { FlagSeries } from './flag-series.js';
import type { MetricsHookConfig } from './metrics-hook-config.js';
import { registerMetric } from './register-metric.js';

const SERIES_LABELS = [FLAG_LABELS.key, FLAG_LABELS.provider] as const;

/**
 * The flag evaluation metrics of one hook and the cells behind them. Hooks on
 * the same registry share its metrics (`registerMetric`): their counts add up.
 */
export class EvaluationMetrics {
  private readonly byProvider = new Map<string, Map<string, FlagSeries>>();
  private readonly all: FlagSeries[] = [];
  private readonly bounds: Float64Array;
  private overflow: FlagSeries | undefined;

  /**
   * @param settings the hook's registry, buckets and cardinality limits
   * @throws {InvalidOptionError} when the registry holds these metrics in another shape (other buckets)
   */
  constructor(private readonly settings: MetricsHookConfig) {
    this.bounds = Float64Array.from(settings.durationBuckets);
    const { registry } = settings;
    const all = this.all;
    // Cells are copied into prom-client when it collects, i.e. at scrape time.
    // The histogram first: a registry holding other buckets refuses the hook before it shares anything.
    registerMetric(registry, 'histogram', {
      name: FLAG_METRICS.duration,
      help: 'Duration of feature flag evaluations, in seconds, from the hook before stage to its finally stage.',
      labelNames: SERIES_LABELS,
      buckets: settings.durationBuckets,
      collect(histogram) {
        for (const s of all) s.durations.drainInto(histogram);
      },
    });
    registerMetric(registry, 'counter', {
      name: FLAG_METRICS.requests,
      help: 'Feature flag evaluations started.',
      labelNames: SERIES_LABELS,
      collect(counter) {
        for (const s of all) s.requests.flushInto(counter);
      },
    });
    registerMetric(registry, 'counter', {
      name: FLAG_METRICS.success,
      help: 'Feature flag evaluations that resolved, by variant and reason.',
      labelNames: [...SERIES_LABELS, FLAG_LABELS.variant, FLAG_LABELS.reason],
      collect(counter) {
        for (const s of all) for (const cell of s.successCells()) cell.flushInto(counter);
      },
    });
    registerMetric(registry, 'counter', {
      name: FLAG_METRICS.error,
      help: 'Feature flag evaluations that ended in an error, by OpenFeature error code.',
      labelNames: [...SERIES_LABELS, FLAG_LABELS.errorType],
      collect(counter) {
        for (const s of all) for (const cell of s.errorCells()) cell.flushInto(counter);
      },
    });
    registerMetric(registry, 'gauge', {
      name: FLAG_METRICS.active,
      help: 'Feature flag evaluations in flight.',
      labelNames: SERIES_LABELS,
      collect(gauge) {
        for (const s of all) gauge.inc(s.labels, s.active);
      },
    });
  }

  /** The series of a flag evaluated by a provider; the overflow series once `maxFlags` is reached. */
  series(provider: string, flagKey: string): FlagSeries {
    let flags = this.byProvider.get(provider);
    const found = flags?.get(flagKey);
    if (found) return found;
    if (this.all.length >= this.settings.maxFlags) {
      return (this.overflow ??= this.create(OVERFLOW_LABEL_VALUE, OVERFLOW_LABEL_VALUE));
    }
    if (!flags) this.byProvider.set(provider, (flags = new Map()));
    const created = this.create(provider, flagKey);
    flags.set(flagKey, created);
    return created;
  }

  private create(provider: string, flagKey: string): FlagSeries {
    const labels = { [FLAG_LABELS.key]: flagKey, [FLAG_LABELS.provider]: provider };
    const series = new FlagSeries(labels, this.bounds, this.settings.maxOutcomesPerFlag);
    this.all.push(series);
    return series;
  }
}
