import { Registry } from 'prom-client';
import type { Histogram } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { FLAG_LABELS } from '../conventions.js';
import { DurationCells } from './duration-cells.js';
import { registerMetric } from './register-metric.js';

const labels = { [FLAG_LABELS.key]: 'f', [FLAG_LABELS.provider]: 'p' };

function histogram(buckets: number[]): Histogram {
  return registerMetric(new Registry(), 'histogram', { name: 'h_seconds', help: 'h', labelNames: Object.keys(labels), buckets, collect() {} });
}

async function exported(metric: Histogram): Promise<Record<string, number>> {
  const { values } = await metric.get();
  return Object.fromEntries(values.map((v) => [`${v.metricName ?? ''}${v.labels.le === undefined ? '' : `{le=${v.labels.le}}`}`, v.value]));
}

describe(DurationCells.name, () => {
  describe('durations', () => {
    it('counts a value equal to a bound in that bound\'s bucket (Prometheus "le")', () => {
      const cells = new DurationCells(labels, Float64Array.from([0.001, 0.01]));
      cells.observe(0.001);
      cells.observe(0.005);
      cells.observe(5);
      expect([...cells.counts]).toEqual([1, 1, 1]);
      expect(cells.sum).toBeCloseTo(5.006);
    });

    it('forgets durations on reset', () => {
      const cells = new DurationCells(labels, Float64Array.from([1]));
      cells.observe(0.5);
      cells.reset();
      expect([...cells.counts]).toEqual([0, 0]);
      expect(cells.sum).toBe(0);
    });
  });

  describe('scrape', () => {
    it('hands prom-client exact bucket counts and count, and the sum, then starts over', async () => {
      const bounds = [0.01, 0.1, 1];
      const metric = histogram(bounds);
      const cells = new DurationCells(labels, Float64Array.from(bounds));
      for (const seconds of [0.003, 0.01, 0.02, 0.099, 0.5, 1, 7, 0.1]) cells.observe(seconds);
      cells.drainInto(metric);
      expect(await exported(metric)).toMatchObject({
        'h_seconds_bucket{le=0.01}': 2,
        'h_seconds_bucket{le=0.1}': 5,
        'h_seconds_bucket{le=1}': 7,
        'h_seconds_bucket{le=+Inf}': 8,
        h_seconds_count: 8,
      });
      expect((await exported(metric)).h_seconds_sum).toBeCloseTo(8.732, 9);
      expect([...cells.counts]).toEqual([0, 0, 0, 0]);
      cells.observe(0.05);
      cells.drainInto(metric);
      expect(await exported(metric)).toMatchObject({ 'h_seconds_bucket{le=0.01}': 2, 'h_seconds_bucket{le=0.1}': 6, h_seconds_count: 9 });
    });

    it('exports a series at zero before its first duration', async () => {
      const metric = histogram([1]);
      new DurationCells(labels, Float64Array.from([1])).drainInto(metric);
      expect(await exported(metric)).toMatchObject({ 'h_seconds_bucket{le=1}': 0, h_seconds_count: 0, h_seconds_sum: 0 });
    });

    it('keeps a bucket mean that rounds onto its lower bound inside the bucket', async () => {
      const bounds = [0.1, 0.2];
      const metric = histogram(bounds);
      const cells = new DurationCells(labels, Float64Array.from(bounds));
      // Seven times the double just above 0.1: the rounded sum over 7 is 0.1 itself, the bound below.
      for (let i = 0; i < 7; i++) cells.observe(0.10000000000000002);
      cells.drainInto(metric);
      expect(await exported(metric)).toMatchObject({ 'h_seconds_bucket{le=0.1}': 0, 'h_seconds_bucket{le=0.2}': 7 });
    });
  });
});
