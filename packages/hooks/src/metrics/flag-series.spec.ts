import { describe, expect, it } from 'vitest';
import { FLAG_LABELS, OVERFLOW_LABEL_VALUE } from '../conventions.js';
import { FlagSeries } from './flag-series.js';

const labels = { [FLAG_LABELS.key]: 'f', [FLAG_LABELS.provider]: 'p' };

describe(FlagSeries.name, () => {
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
