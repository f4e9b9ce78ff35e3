import { MIGRATION_LABELS, MIGRATION_METRICS, OUTCOME_METRICS } from '@cutover/hooks';
import { InvalidOptionError } from '@cutover/core';
import type { HistogramBucket } from '@cutover/hooks';
import type { MigrationCounts, PathCounts } from '@cutover/hooks';
import { emptyCounts } from '@cutover/hooks';
import type { CallOutcome, PairOutcome } from '@cutover/hooks';
import type { GuardSnapshot } from './guard-snapshot.js';
import { guardSnapshotOf } from './guard-snapshot-of.js';
import { nativeHistogramBuckets } from './native-histogram-buckets.js';
import type { GuardSource } from './guard-source.js';
import type { PrometheusSample } from './query-prometheus.js';
import { queryPrometheus } from './query-prometheus.js';

/** Everything {@link PrometheusSource} is made of. */
export interface PrometheusSourceInit {
  /** Base URL of the Prometheus server, e.g. `http://prometheus:9090`. */
  readonly url: string;
  readonly flagKey: string;
  /** Give up on a query after this long, in milliseconds. @default 5000 */
  readonly timeoutMs?: number;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Milliseconds clock. @default Date.now */
  readonly now?: () => number;
}

const { key, path, outcome, result, pair, stage } = MIGRATION_LABELS;

/**
 * Reads one migration's counts over the whole fleet from Prometheus: each
 * counter summed over every instance with `increase(…[<window>s])`, the window
 * being the time since it started, so one decision covers the fleet and the
 * window grows as the guard's tests require. Nine instant queries per
 * snapshot, evaluated at the same time: calls, duration buckets, native
 * duration histograms, comparisons, calls served to callers, business
 * outcomes, paired outcomes, paired latency ratio buckets, and the stages
 * served (those whose stage gauge was 1 at some scrape of the window).
 * Where Prometheus stored the native histograms (`/metrics/native` scraped
 * with `--enable-feature=native-histograms`) for both paths, their buckets,
 * 2.2 % apart, are the latency's precise buckets; otherwise the latency check
 * has the classic buckets alone.
 * Counts from `increase()` are extrapolated and may be fractional; the guard
 * repairs them as `histogram_quantile` does.
 */
export class PrometheusSource implements GuardSource {
  readonly description: string;
  private readonly now: () => number;
  private readonly target: { url: string; timeoutMs: number; fetch: typeof fetch };
  private readonly selector: string;
  private startedAt = 0;

  /** @throws {InvalidOptionError} when `url` is not an http(s) URL or `timeoutMs` is not positive */
  constructor(init: PrometheusSourceInit) {
    const timeoutMs = init.timeoutMs ?? 5000;
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new InvalidOptionError({ component: 'PrometheusSource', option: 'timeoutMs', reason: `expected a positive number of milliseconds, got ${timeoutMs}` });
    if (!URL.canParse(init.url) || !/^https?:$/.test(new URL(init.url).protocol)) {
      throw new InvalidOptionError({ component: 'PrometheusSource', option: 'url', reason: `expected the http(s) URL of a Prometheus server, got "${init.url}"` });
    }
    this.target = { url: init.url, timeoutMs, fetch: init.fetch ?? globalThis.fetch };
    this.now = init.now ?? Date.now;
    // JSON string escaping is valid PromQL string escaping.
    this.selector = `{${key}=${JSON.stringify(init.flagKey)}}`;
    this.description = `Prometheus at ${init.url}, flag "${init.flagKey}"`;
    this.startWindow();
  }

  startWindow(): void {
    this.startedAt = this.now();
  }

  async snapshot(): Promise<GuardSnapshot> {
    const at = this.now();
    const seconds = Math.max(1, Math.ceil((at - this.startedAt) / 1000));
    const increase = (metric: string, by: string): string => `sum by (${by}) (increase(${metric}${this.selector}[${seconds}s]))`;
    const time = at / 1000;
    const [calls, buckets, native, comparisons, served, outcomes, pairs, ratios, stages] = await Promise.all([
      queryPrometheus(this.target, increase(MIGRATION_METRICS.calls, `${path}, ${outcome}`), time),
      queryPrometheus(this.target, increase(`${MIGRATION_METRICS.duration}_bucket`, `${path}, le`), time),
      queryPrometheus(this.target, increase(MIGRATION_METRICS.nativeDuration, path), time),
      queryPrometheus(this.target, increase(MIGRATION_METRICS.comparisons, result), time),
      queryPrometheus(this.target, increase(OUTCOME_METRICS.served, path), time),
      queryPrometheus(this.target, increase(OUTCOME_METRICS.outcomes, `${path}, ${result}`), time),
      queryPrometheus(this.target, increase(MIGRATION_METRICS.pairedCalls, pair), time),
      queryPrometheus(this.target, increase(`${MIGRATION_METRICS.pairedLatencyRatio}_bucket`, 'le'), time),
      queryPrometheus(this.target, `max by (${stage}) (max_over_time(${MIGRATION_METRICS.stage}${this.selector}[${seconds}s]))`, time),
    ]);
    const counts = withNative(withOutcomes(countsFrom(calls, buckets, comparisons), served, outcomes), native);
    return guardSnapshotOf({ ...counts, ...pairsFrom(pairs, ratios), ...stagesFrom(stages) }, seconds);
  }
}

function countsFrom(calls: PrometheusSample[], buckets: PrometheusSample[], comparisons: PrometheusSample[]): MigrationCounts {
  const empty = emptyCounts();
  const pathCounts = (name: string): PathCounts => ({
    outcomes: { ...empty.legacy.outcomes, ...sumBy(calls.filter((s) => s.labels[path] === name), outcome) } as Record<CallOutcome, number>,
    buckets: histogram(buckets.filter((s) => s.labels[path] === name)),
  });
  return {
    legacy: pathCounts('legacy'),
    candidate: pathCounts('candidate'),
    comparisons: { ...empty.comparisons, ...sumBy(comparisons, result) },
  };
}

/** Adds what callers were served and the business outcomes, per path, to the counts. */
function withOutcomes(counts: MigrationCounts, served: PrometheusSample[], outcomes: PrometheusSample[]): MigrationCounts {
  const of = (name: string): PathCounts => {
    const reported = sumBy(outcomes.filter((s) => s.labels[path] === name), result);
    return {
      ...counts[name === 'legacy' ? 'legacy' : 'candidate'],
      served: sumBy(served, path)[name] ?? 0,
      reported: { success: reported.success ?? 0, failure: reported.failure ?? 0 },
    };
  };
  return { ...counts, legacy: of('legacy'), candidate: of('candidate') };
}

/** Adds both paths' native histogram buckets as their precise latency, when Prometheus has them for both. */
function withNative(counts: MigrationCounts, samples: readonly PrometheusSample[]): MigrationCounts {
  const of = (name: string) => samples.find((s) => s.labels[path] === name)?.histogram;
  const legacy = of('legacy');
  const candidate = of('candidate');
  if (!legacy || !candidate) return counts;
  return { ...counts, legacy: { ...counts.legacy, precise: nativeHistogramBuckets(legacy) }, candidate: { ...counts.candidate, precise: nativeHistogramBuckets(candidate) } };
}

function pairsFrom(samples: readonly PrometheusSample[], ratios: PrometheusSample[]): Pick<MigrationCounts, 'pairs' | 'pairedLatencyRatio'> {
  if (samples.length === 0) return {};
  const sums = sumBy(samples, pair);
  const count = (name: PairOutcome): number => sums[name] ?? 0;
  const latency = histogram(ratios);
  return {
    pairs: { both_ok: count('both_ok'), legacy_error: count('legacy_error'), candidate_error: count('candidate_error'), both_error: count('both_error') },
    ...(latency.length > 0 ? { pairedLatencyRatio: latency } : {}),
  };
}

// A stage served at some scrape of the window; the gauge is 1 for each stage served since the previous scrape.
function stagesFrom(samples: readonly PrometheusSample[]): Pick<MigrationCounts, 'stages'> {
  const served = samples.filter((s) => s.value >= 1 && s.labels[stage]);
  return served.length > 0 ? { stages: Object.fromEntries(served.map((s) => [s.labels[stage]!, 1])) } : {};
}

function sumBy(samples: readonly PrometheusSample[], label: string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const sample of samples) {
    const name = sample.labels[label] ?? '';
    if (Number.isFinite(sample.value)) sums[name] = (sums[name] ?? 0) + sample.value;
  }
  return sums;
}

function histogram(samples: readonly PrometheusSample[]): HistogramBucket[] {
  if (samples.length === 0) return [];
  const buckets = samples
    .map((s) => ({ le: s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), count: Number.isFinite(s.value) ? s.value : 0 }))
    .filter((b) => !Number.isNaN(b.le))
    .sort((a, b) => a.le - b.le);
  const last = buckets.at(-1);
  if (last && last.le !== Infinity) buckets.push({ le: Infinity, count: Math.max(...buckets.map((b) => b.count)) });
  return buckets;
}
