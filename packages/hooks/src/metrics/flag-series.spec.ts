import { describe, expect, it } from 'vitest';
import { FLAG_LABELS, OVERFLOW_LABEL_VALUE } from '../conventions.js';
import { FlagSeries } from './flag-series.js';

const labels = { [FLAG_LABELS.key]: 'f', [FLAG_LABELS.provider]: 'p' };

describe(FlagSeries.name, () => {
  describe('durations', () => {
    it('counts a value equal to a bound in that bound\'s bucket (Prometheus "le")', () => {
      const series = new FlagSeries(labels, Float64Array.from([0.001, 0.01]), 10);
      series.observe(0.001);
      series.observe(0.005);
      series.observe(5);
      expect([...series.bucketCounts]).toEqual([1, 1, 1]);
      expect(series.durationSum).toBeCloseTo(5.006);
    });

    it('forgets durations on reset', () => {
      const series = new FlagSeries(labels, Float64Array.from([1]), 10);
      series.observe(0.5);
      series.resetDurations();
      expect([...series.bucketCounts]).toEqual([0, 0]);
      expect(series.durationSum).toBe(0);
    });
  });

  describe('outcomes', () => {
    it('returns the same cell for the same variant and reason, labelled in lower case', () => {
      const series = new FlagSeries(labels, Float64Array.from([1]), 10);
      const cell = series.success('on', 'TARGETING_MATCH');
      expect(series.success('on', 'TARGETING_MATCH')).toBe(cell);
      expect(cell.labels).toEqual({ ...labels, [FLAG_LABELS.variant]: 'on', [FLAG_LABELS.reason]: 'targeting_match' });
      expect(series.error('FLAG_NOT_FOUND').labels[FLAG_LABELS.errorType]).toBe('flag_not_found');
    });

    it('shares one overflow cell per kind once maxOutcomes distinct outcomes exist', () => {
      const series = new FlagSeries(labels, Float64Array.from([1]), 2);
      series.success('a', 'STATIC');
      series.error('GENERAL');
      expect(series.success('b', 'STATIC')).toBe(series.success('c', 'STATIC'));
      expect(series.success('b', 'STATIC').labels[FLAG_LABELS.variant]).toBe(OVERFLOW_LABEL_VALUE);
      expect(series.error('PARSE_ERROR').labels[FLAG_LABELS.errorType]).toBe(OVERFLOW_LABEL_VALUE);
      expect([...series.successCells()]).toHaveLength(2);
      expect([...series.errorCells()]).toHaveLength(2);
    });
  });
});
