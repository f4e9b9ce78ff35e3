import protobuf from 'protobufjs';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { MIGRATION_METRICS } from '../conventions.js';
import { MigrationMetrics } from '../migration/migration-metrics.js';
import { NATIVE_ZERO_THRESHOLD } from './native-durations.js';
import { encodeNativeExposition } from './native-exposition.js';
import { NativeDurations } from './native-durations.js';

// The messages of io.prometheus.client's metrics.proto this exposition writes, decoded by protobufjs.
const root = protobuf.Root.fromJSON({
  nested: {
    BucketSpan: { fields: { offset: { type: 'sint32', id: 1 }, length: { type: 'uint32', id: 2 } } },
    Histogram: {
      fields: {
        sampleCount: { type: 'uint64', id: 1 },
        sampleSum: { type: 'double', id: 2 },
        schema: { type: 'sint32', id: 5 },
        zeroThreshold: { type: 'double', id: 6 },
        zeroCount: { type: 'uint64', id: 7 },
        positiveSpan: { rule: 'repeated', type: 'BucketSpan', id: 12 },
        positiveDelta: { rule: 'repeated', type: 'sint64', id: 13, options: { packed: false } },
      },
    },
    LabelPair: { fields: { name: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    Counter: { fields: { value: { type: 'double', id: 1 } } },
    Metric: { fields: { label: { rule: 'repeated', type: 'LabelPair', id: 1 }, counter: { type: 'Counter', id: 3 }, histogram: { type: 'Histogram', id: 7 } } },
    MetricFamily: { fields: { name: { type: 'string', id: 1 }, help: { type: 'string', id: 2 }, type: { type: 'int32', id: 3 }, metric: { rule: 'repeated', type: 'Metric', id: 4 } } },
  },
});
const MetricFamily = root.lookupType('MetricFamily');

interface Family {
  name: string;
  type?: number;
  metric: { label: { name: string; value: string }[]; counter?: { value: number }; histogram?: Record<string, unknown> }[];
}

function decode(bytes: Uint8Array): Family[] {
  const reader = protobuf.Reader.create(bytes);
  const families: Family[] = [];
  while (reader.pos < reader.len) families.push(MetricFamily.toObject(MetricFamily.decodeDelimited(reader), { longs: Number, defaults: true }) as Family);
  return families;
}

/** The absolute bucket counts by index, from spans and deltas as Prometheus reads them. */
function bucketsOf(histogram: Record<string, unknown>): Map<number, number> {
  const spans = histogram.positiveSpan as { offset: number; length: number }[];
  const deltas = histogram.positiveDelta as number[];
  const buckets = new Map<number, number>();
  let index = 0;
  let count = 0;
  let d = 0;
  for (const span of spans) {
    index += span.offset;
    for (let k = 0; k < span.length; k++, index++) buckets.set(index, (count += deltas[d++]!));
  }
  return buckets;
}

const input = (series: { labels: Record<string, string>; durations: NativeDurations }[], maxBuckets = 160) => ({ name: 'h', help: 'help', clampedName: 'c_total', clampedHelp: 'help', series, maxBuckets });

describe(encodeNativeExposition.name, () => {
  it('writes a native histogram: schema 5, zero threshold and count, spans with offsets from the previous span end, deltas of counts', () => {
    const durations = new NativeDurations();
    // Buckets 0 (×3), 1 (×1), then a gap, 5 (×2), and far below: −64 (×1); one in the zero bucket.
    for (const seconds of [1, 1, 1, 2 ** (1 / 32), 2 ** (5 / 32), 2 ** (5 / 32), 0.25, 0]) durations.observe(seconds);
    const [histograms, clamped] = decode(encodeNativeExposition(input([{ labels: { feature_flag_key: 'f', path: 'legacy' }, durations }])));
    expect(histograms!.name).toBe('h');
    expect(histograms!.type).toBe(4);
    const histogram = histograms!.metric[0]!.histogram!;
    expect(histograms!.metric[0]!.label).toEqual([{ name: 'feature_flag_key', value: 'f' }, { name: 'path', value: 'legacy' }]);
    expect(histogram).toMatchObject({ sampleCount: 8, schema: 5, zeroThreshold: NATIVE_ZERO_THRESHOLD, zeroCount: 1 });
    expect(histogram.sampleSum).toBeCloseTo(3 + 2 ** (1 / 32) + 2 * 2 ** (5 / 32) + 0.25, 12);
    expect(histogram.positiveSpan).toEqual([{ offset: -64, length: 1 }, { offset: 63, length: 2 }, { offset: 3, length: 1 }]);
    expect(histogram.positiveDelta).toEqual([1, 2, -2, 1]);
    expect([...bucketsOf(histogram)]).toEqual([[-64, 1], [0, 3], [1, 1], [5, 2]]);
    expect(clamped).toMatchObject({ name: 'c_total', type: 0, metric: [{ counter: { value: 0 } }] });
  });

  it('writes a series with no durations as a native histogram all the same (zero threshold set, no spans)', () => {
    const [histograms] = decode(encodeNativeExposition(input([{ labels: {}, durations: new NativeDurations() }])));
    expect(histograms!.metric[0]!.histogram).toMatchObject({ sampleCount: 0, zeroThreshold: NATIVE_ZERO_THRESHOLD, positiveSpan: [], positiveDelta: [] });
  });

  it('writes counts beyond 32 bits exactly', () => {
    const durations = new NativeDurations();
    durations.observe(1);
    durations.counts[durations.counts.findIndex((n) => n > 0)] = 2 ** 40 + 1;
    const [histograms] = decode(encodeNativeExposition(input([{ labels: {}, durations }])));
    expect(histograms!.metric[0]!.histogram).toMatchObject({ sampleCount: 2 ** 40 + 1, positiveDelta: [2 ** 40 + 1] });
  });

  it('widens a series whose buckets exceed the cap, counting every call', () => {
    const durations = new NativeDurations();
    for (let i = 0; i < 64; i++) durations.observe(2 ** (i / 32));
    const [histograms] = decode(encodeNativeExposition(input([{ labels: {}, durations }], 16)));
    const histogram = histograms!.metric[0]!.histogram!;
    expect(histogram.schema).toBe(2);
    expect([...bucketsOf(histogram).values()].reduce((a, b) => a + b, 0)).toBe(64);
  });
});

describe(`${MigrationMetrics.name} nativeExposition`, () => {
  it('exposes every path of every migration, cumulative since its series was created, and leaves the text exposition alone', async () => {
    const registry = new Registry();
    const metrics = new MigrationMetrics({ registry });
    metrics.declare('search');
    metrics.recordCall('search', 'candidate', 'success', 0.02);
    metrics.recordCall('search', 'candidate', 'success', 0.03);
    metrics.recordCall('search', 'legacy', 'success', 0.02);
    const text = await registry.metrics();
    const [histograms, clamped] = decode(metrics.nativeExposition());
    expect(histograms!.name).toBe(MIGRATION_METRICS.nativeDuration);
    expect(clamped!.name).toBe(MIGRATION_METRICS.nativeDurationClamped);
    const count = (path: string) => histograms!.metric.find((m) => m.label.some((l) => l.name === 'path' && l.value === path))!.histogram!.sampleCount;
    expect([count('legacy'), count('candidate')]).toEqual([1, 2]);
    // Read again after a scrape: still since the start.
    await registry.metrics();
    expect(decode(metrics.nativeExposition())[0]!.metric.map((m) => m.histogram!.sampleCount)).toEqual([1, 2]);
    expect(text).not.toContain(MIGRATION_METRICS.nativeDuration);
  });
});
