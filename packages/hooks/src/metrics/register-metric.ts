import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { InvalidOptionError } from '../invalid-option-error.js';

/** The prom-client metric of each kind Cutover writes. */
export interface MetricKinds {
  readonly counter: Counter;
  readonly gauge: Gauge;
  readonly histogram: Histogram;
}

/** A kind of metric: `counter`, `gauge` or `histogram`. */
export type MetricKind = keyof MetricKinds;

/** What {@link registerMetric} needs: the metric's shape, and how one owner feeds it. */
export interface MetricSpec<K extends MetricKind> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  /** Upper bounds of a histogram's buckets; histograms only. */
  readonly buckets?: readonly number[];
  /**
   * Adds this owner's samples at each collection (a scrape): counters with
   * `inc`, gauges with `inc` (the gauge is cleared before its owners add
   * theirs), histograms with `observe`. Owners of the same metric add up.
   */
  collect(metric: MetricKinds[K]): void;
}

/** What this module knows of a metric it registered. */
interface Registration {
  /** Kind, labels and buckets in words. */
  readonly shape: string;
  /** Every owner feeding the metric. */
  readonly owners: MetricSpec<MetricKind>[];
  /** Label sets of a histogram already created at zero. */
  readonly zeroed: Set<string>;
}

const registrations = new WeakMap<object, Registration>();

/**
 * The metric of that name in the registry, created on first use. A second
 * owner (another hook on the same registry, another provider's source
 * metrics) reuses a metric already registered by this function when its
 * kind, labels and buckets are the same, and its samples add to the first
 * owner's; anything else under that name is an error that names the metric.
 * Only prom-client's public API is used: metrics are read at scrape time
 * through their `collect` callback.
 *
 * @throws {InvalidOptionError} (option `registry`) when the name is taken by a different metric
 */
export function registerMetric<K extends MetricKind>(registry: Registry, kind: K, spec: MetricSpec<K>): MetricKinds[K] {
  const shape = shapeOf(kind, spec);
  const existing = registry.getSingleMetric(spec.name);
  if (existing !== undefined) {
    const registration = registrations.get(existing);
    if (registration === undefined) {
      throw new InvalidOptionError('registry', `already holds a metric named ${spec.name} that Cutover did not register`);
    }
    if (registration.shape !== shape) {
      throw new InvalidOptionError('registry', `already holds ${spec.name} as ${registration.shape}; this one needs ${shape}`);
    }
    registration.owners.push(spec);
    return existing as MetricKinds[K];
  }
  const owners: MetricSpec<MetricKind>[] = [spec];
  const metric = createMetric(registry, kind, spec, (created) => {
    for (const owner of owners) owner.collect(created);
  });
  registrations.set(metric, { shape, owners, zeroed: new Set() });
  return metric as MetricKinds[K];
}

/**
 * Creates a histogram series at zero, so that Prometheus sees its first
 * observations as an increase, unless an owner already did: `zero()` would
 * wipe what another owner has observed under the same labels.
 */
export function zeroOnce(histogram: Histogram, labels: Readonly<Record<string, string>>): void {
  const zeroed = registrations.get(histogram)?.zeroed;
  const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (zeroed?.has(key)) return;
  zeroed?.add(key);
  histogram.zero(labels);
}

function createMetric(
  registry: Registry,
  kind: MetricKind,
  spec: MetricSpec<MetricKind>,
  collectAll: (metric: MetricKinds[MetricKind]) => void,
): MetricKinds[MetricKind] {
  const base = { name: spec.name, help: spec.help, labelNames: [...spec.labelNames], registers: [registry] };
  switch (kind) {
    case 'counter':
      return new Counter({
        ...base,
        collect() {
          collectAll(this);
        },
      });
    case 'gauge':
      return new Gauge({
        ...base,
        collect() {
          // Owners add their values with inc(): start each collection from nothing.
          this.reset();
          collectAll(this);
        },
      });
    case 'histogram':
      return new Histogram({
        ...base,
        buckets: [...(spec.buckets ?? [])],
        collect() {
          collectAll(this);
        },
      });
  }
}

function shapeOf(kind: MetricKind, spec: MetricSpec<MetricKind>): string {
  const buckets = kind === 'histogram' ? ` and buckets [${(spec.buckets ?? []).join(', ')}]` : '';
  return `a ${kind} with labels [${spec.labelNames.join(', ')}]${buckets}`;
}
