import type { ComparisonRecord } from '@cutover/migrate';
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from './comparison-rows.js';
import { fromRow, toRecordset } from './comparison-rows.js';

/** The row PostgreSQL would return for one inserted record: json_to_recordset's columns, the timestamp as a Date. */
function rowOf(record: ComparisonRecord): ComparisonRow {
  const [row] = JSON.parse(toRecordset([{ id: 'x', record }])) as Array<Omit<ComparisonRow, 'recorded_at'> & { recorded_at: string }>;
  if (!row) throw new Error('no row');
  return { ...row, recorded_at: new Date(row.recorded_at) };
}

describe(toRecordset.name, () => {
  it('makes one row per record', () => {
    expect(JSON.parse(toRecordset([]))).toEqual([]);
  });

  it('keeps a plain match narrow: no detail', () => {
    const match: ComparisonRecord = { timestamp: '2026-03-01T00:00:00.000Z', flagKey: 'f', stage: 'shadow', outcome: 'match', legacy: { status: 'ok', durationMs: 1 }, candidate: { status: 'ok', durationMs: 2 }, differences: [] };
    expect(rowOf(match).detail).toBeNull();
    expect(fromRow(rowOf(match))).toEqual(match);
  });

  it('keeps the item id of a match in its detail', () => {
    const match: ComparisonRecord = { timestamp: '2026-03-01T00:00:00.000Z', flagKey: 'f', stage: 'shadow', itemId: 'tenant-7', outcome: 'match', legacy: { status: 'ok', durationMs: 1 }, candidate: { status: 'ok', durationMs: 2 }, differences: [] };
    expect(rowOf(match).detail).toEqual({ itemId: 'tenant-7' });
    expect(fromRow(rowOf(match))).toEqual(match);
  });

  it('round-trips a mismatch with values, errors, differences, noise and input', () => {
    const mismatch: ComparisonRecord = {
      timestamp: '2026-03-01T10:11:12.345Z',
      flagKey: 'search',
      stage: 'live',
      outcome: 'mismatch',
      ignored: true,
      legacy: { status: 'ok', durationMs: 3.5, value: { items: [1] } },
      candidate: { status: 'error', durationMs: 9, error: 'Error: boom' },
      differences: [{ path: '$.items[0]', legacy: 1, candidate: 2, reason: 'differs' }],
      noisy: ['$.at'],
      input: { q: 'pizza' },
    };
    expect(fromRow(rowOf(mismatch))).toEqual(mismatch);
  });
});
