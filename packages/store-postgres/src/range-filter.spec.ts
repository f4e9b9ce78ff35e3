import { describe, expect, it } from 'vitest';
import { rangeFilter } from './range-filter.js';

describe(rangeFilter.name, () => {
  it('selects everything for an open range', () => {
    expect(rangeFilter({})).toEqual({ where: 'TRUE', params: [] });
  });

  it('numbers the parameters of each bound given, both ends inclusive', () => {
    const from = new Date('2026-03-01T00:00:00Z');
    expect(rangeFilter({ from, flagKey: 'search' }, 'c.')).toEqual({ where: 'c.recorded_at >= $1 AND c.flag_key = $2', params: [from, 'search'] });
  });
});
