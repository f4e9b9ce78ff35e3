import { Histogram } from 'prom-client';
import type { Registry } from 'prom-client';

/** A series whose bucket counts a {@link DurationHistogram} exports: one per label set. */
export interface HistogramSeries {
  /** The series' label set (without `le`). */
  readonly labels: Readonly<Record<string, string>>;
  /** Non-cumulative bucket counts; the last slot is `+Inf`. */
  readonly bucketCounts: Float64Array;
  /** Sum of observed values. */
  readonly durationSum: number;
  /** Forgets every observation. */
  resetDurations(): void;
}

/** What {@link DurationHistogram} needs to know at construction. */
export interface DurationHistogramConfig {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly buckets: readonly number[];
  readonly registry: Registry;
  /** The series to export, read at every scrape. */
  readonly series: () => Iterable<HistogramSeries>;
}

/** One exposition line in prom-client's internal histogram shape. */
interface ExportedValue {
  readonly labels: Record<string, string | number>;
  readonly sharedLabels: Readonly<Record<string, string>>;
  readonly value: number;
  readonly metricName: string;
}

/** The object prom-client's registry reads from a histogram. */
interface ExportedHistogram {
  readonly name: string;
  readonly help: string;
  readonly type: 'histogram';
  readonly aggregator: 'sum';
  readonly values: ExportedValue[];
}

/**
 * A prom-client histogram whose bucket counts live in plain typed arrays
 * (the hook's `FlagSeries`, the migration metrics' `MigrationSeries`) instead
 * of in prom-client. `Histogram.observe(labels, v)` hashes the label
 * set on each call, which alone costs more than the overhead budget of a flag
 * evaluation; here the hook adds to a typed array, and the exposition is built
 * only when Prometheus scrapes.
 */
export class DurationHistogram extends Histogram<string> {
  private readonly source: () => Iterable<HistogramSeries>;
  private readonly bounds: readonly number[];
  private readonly metricName: string;
  private readonly metricHelp: string;

  /** @param config name, help, labels, buckets, registry and the series to read */
  constructor(config: DurationHistogramConfig) {
    super({
      name: config.name,
      help: config.help,
      labelNames: [...config.labelNames],
      buckets: [...config.buckets],
      registers: [config.registry],
    });
    this.source = config.series;
    this.bounds = [...config.buckets];
    this.metricName = config.name;
    this.metricHelp = config.help;
  }

  /**
   * prom-client's registry reads this method (and the base `get()` reads it
   * too, for JSON), so overriding it alone exports the series' counts in both
   * formats. Same shape as prom-client's own histograms: `le` in `labels`, the
   * series' labels in `sharedLabels`.
   */
  async getForPromString(): Promise<ExportedHistogram> {
    const values: ExportedValue[] = [];
    const bucket = `${this.metricName}_bucket`;
    for (const series of this.source()) {
      const counts = series.bucketCounts;
      const shared = series.labels;
      let cumulative = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        cumulative += counts[i]!;
        values.push({ labels: { le: this.bounds[i]! }, sharedLabels: shared, value: cumulative, metricName: bucket });
      }
      cumulative += counts[this.bounds.length]!;
      values.push({ labels: { le: '+Inf' }, sharedLabels: shared, value: cumulative, metricName: bucket });
      values.push({ labels: {}, sharedLabels: shared, value: series.durationSum, metricName: `${this.metricName}_sum` });
      values.push({ labels: {}, sharedLabels: shared, value: cumulative, metricName: `${this.metricName}_count` });
    }
    return { name: this.metricName, help: this.metricHelp, type: 'histogram', aggregator: 'sum', values };
  }

  /** Forgets every recorded duration (`registry.resetMetrics()`). */
  override reset(): void {
    super.reset();
    // The base constructor calls reset() before this class's fields exist.
    if (this.source === undefined) return;
    for (const series of this.source()) series.resetDurations();
  }
}
