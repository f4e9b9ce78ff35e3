import { Counter, Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import { FLAG_LABELS, FLAG_METRICS, OVERFLOW_LABEL_VALUE } from '../conventions.js';
import { InvalidOptionError } from '../invalid-option-error.js';
import { DurationHistogram } from './duration-histogram.js';
import { FlagSeries } from './flag-series.js';
import type { MetricsHookConfig } from './metrics-hook-config.js';

type SeriesSettings = Pick<MetricsHookConfig, 'durationBuckets' | 'maxFlags' | 'maxOutcomesPerFlag'>;

const byRegistry = new WeakMap<Registry, EvaluationMetrics>();

const SERIES_LABELS = [FLAG_LABELS.key, FLAG_LABELS.provider] as const;

/**
 * The flag evaluation metrics of one registry and the cells behind them.
 * Created once per registry, so any number of hooks can share a registry
 * without prom-client's "already registered" error, and their counts add up.
 */
export class EvaluationMetrics {
  private readonly byProvider = new Map<string, Map<string, FlagSeries>>();
  private readonly all: FlagSeries[] = [];
  private readonly bounds: Float64Array;
  private overflow: FlagSeries | undefined;

  /** The metrics of `config.registry`, created on first use. */
  static for(config: MetricsHookConfig): EvaluationMetrics {
    const existing = byRegistry.get(config.registry);
    if (existing) {
      existing.assertCompatible(config);
      return existing;
    }
    const created = new EvaluationMetrics(config.registry, config);
    byRegistry.set(config.registry, created);
    return created;
  }

  private constructor(
    registry: Registry,
    private readonly settings: SeriesSettings,
  ) {
    this.bounds = Float64Array.from(settings.durationBuckets);
    const series = (): Iterable<FlagSeries> => this.all;
    const registers = [registry];
    // Cells are copied into prom-client when it collects, i.e. at scrape time.
    new Counter({
      name: FLAG_METRICS.requests,
      help: 'Feature flag evaluations started.',
      labelNames: SERIES_LABELS,
      registers,
      collect() {
        for (const s of series()) flush(this, s.requests);
      },
    });
    new Counter({
      name: FLAG_METRICS.success,
      help: 'Feature flag evaluations that resolved, by variant and reason.',
      labelNames: [...SERIES_LABELS, FLAG_LABELS.variant, FLAG_LABELS.reason],
      registers,
      collect() {
        for (const s of series()) for (const cell of s.successCells()) flush(this, cell);
      },
    });
    new Counter({
      name: FLAG_METRICS.error,
      help: 'Feature flag evaluations that ended in an error, by OpenFeature error code.',
      labelNames: [...SERIES_LABELS, FLAG_LABELS.errorType],
      registers,
      collect() {
        for (const s of series()) for (const cell of s.errorCells()) flush(this, cell);
      },
    });
    new Gauge({
      name: FLAG_METRICS.active,
      help: 'Feature flag evaluations in flight.',
      labelNames: SERIES_LABELS,
      registers,
      collect() {
        for (const s of series()) this.set(s.labels, s.active);
      },
    });
    new DurationHistogram({
      name: FLAG_METRICS.duration,
      help: 'Duration of feature flag evaluations, in seconds, from the hook before stage to its finally stage.',
      labelNames: SERIES_LABELS,
      buckets: settings.durationBuckets,
      registry,
      series,
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

  // A second hook on the same registry shares these metrics; settings that
  // shape them must agree, or one hook's options would be silently ignored.
  private assertCompatible(config: SeriesSettings): void {
    const mine = this.settings;
    if (mine.durationBuckets.join() !== config.durationBuckets.join()) {
      throw new InvalidOptionError('durationBuckets', 'differs from the buckets already registered on this registry');
    }
    if (mine.maxFlags !== config.maxFlags) {
      throw new InvalidOptionError('maxFlags', 'differs from the value already in use on this registry');
    }
    if (mine.maxOutcomesPerFlag !== config.maxOutcomesPerFlag) {
      throw new InvalidOptionError('maxOutcomesPerFlag', 'differs from the value already in use on this registry');
    }
  }
}

function flush(counter: Counter<string>, cell: { takeDelta(): number; readonly labels: Readonly<Record<string, string>> }): void {
  const delta = cell.takeDelta();
  // inc(labels, 0) would still create the series, which is what we want for a new cell.
  counter.inc(cell.labels, delta);
}
