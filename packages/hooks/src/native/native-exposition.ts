import { nativeBuckets } from './native-buckets.js';
import type { NativeDurations } from './native-durations.js';
import { NATIVE_ZERO_THRESHOLD } from './native-durations.js';
import { ProtobufWriter } from './protobuf-writer.js';

/**
 * Content type of the native exposition: length-delimited
 * `io.prometheus.client.MetricFamily` messages, the only format in which
 * Prometheus (with `--enable-feature=native-histograms`) scrapes native histograms.
 */
export const NATIVE_EXPOSITION_CONTENT_TYPE = 'application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited';

/** One native histogram series: its labels and its durations. */
export interface NativeSeries {
  readonly labels: Readonly<Record<string, string>>;
  readonly durations: NativeDurations;
}

/** What a native exposition is made of. */
export interface NativeExpositionInput {
  /** Name of the histogram family. */
  readonly name: string;
  readonly help: string;
  /** Name of the counter family of durations above the top bucket. */
  readonly clampedName: string;
  readonly clampedHelp: string;
  readonly series: Iterable<NativeSeries>;
  /** Most buckets written per series; beyond it the series is widened. */
  readonly maxBuckets: number;
}

// Field numbers of io.prometheus.client's metrics.proto.
const FAMILY = { name: 1, help: 2, type: 3, metric: 4 } as const;
const TYPE = { counter: 0, histogram: 4 } as const;
const METRIC = { label: 1, counter: 3, histogram: 7 } as const;
const LABEL = { name: 1, value: 2 } as const;
const HISTOGRAM = { sampleCount: 1, sampleSum: 2, schema: 5, zeroThreshold: 6, zeroCount: 7, positiveSpan: 12, positiveDelta: 13 } as const;
const SPAN = { offset: 1, length: 2 } as const;

/**
 * Encodes native histograms (and the count of durations above their range) as
 * Prometheus's protobuf exposition. Each histogram's buckets are written as
 * spans of consecutive indexes, a span's offset counted from the end of the
 * previous span (from 0 for the first), and each bucket's count as its delta
 * from the bucket before it (from 0 for the first).
 */
export function encodeNativeExposition(input: NativeExpositionInput): Uint8Array {
  const series = [...input.series];
  const histograms = new ProtobufWriter().string(FAMILY.name, input.name).string(FAMILY.help, input.help).uint(FAMILY.type, TYPE.histogram);
  for (const { labels, durations } of series) {
    histograms.message(FAMILY.metric, (metric) => {
      writeLabels(metric, labels);
      metric.message(METRIC.histogram, (histogram) => writeHistogram(histogram, durations, input.maxBuckets));
    });
  }
  const clamped = new ProtobufWriter().string(FAMILY.name, input.clampedName).string(FAMILY.help, input.clampedHelp).uint(FAMILY.type, TYPE.counter);
  for (const { labels, durations } of series) {
    clamped.message(FAMILY.metric, (metric) => {
      writeLabels(metric, labels);
      metric.message(METRIC.counter, (counter) => counter.double(1, durations.clamped));
    });
  }
  return Uint8Array.from([...histograms.delimited(), ...clamped.delimited()]);
}

function writeLabels(metric: ProtobufWriter, labels: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(labels)) metric.message(METRIC.label, (pair) => pair.string(LABEL.name, name).string(LABEL.value, value));
}

function writeHistogram(histogram: ProtobufWriter, durations: NativeDurations, maxBuckets: number): void {
  const { schema, indexes, counts } = nativeBuckets(durations.counts, maxBuckets);
  histogram
    .uint(HISTOGRAM.sampleCount, durations.count)
    .double(HISTOGRAM.sampleSum, durations.sum)
    .sint(HISTOGRAM.schema, schema)
    .double(HISTOGRAM.zeroThreshold, NATIVE_ZERO_THRESHOLD)
    .uint(HISTOGRAM.zeroCount, durations.zeroCount);
  // Spans of consecutive indexes.
  let spanStart = 0;
  let previousEnd = 0;
  for (let i = 1; i <= indexes.length; i++) {
    if (i < indexes.length && indexes[i] === indexes[i - 1]! + 1) continue;
    const start = indexes[spanStart]!;
    const length = i - spanStart;
    histogram.message(HISTOGRAM.positiveSpan, (span) => span.sint(SPAN.offset, start - previousEnd).uint(SPAN.length, length));
    previousEnd = start + length;
    spanStart = i;
  }
  let previous = 0;
  for (const count of counts) {
    histogram.sint(HISTOGRAM.positiveDelta, count - previous);
    previous = count;
  }
}
