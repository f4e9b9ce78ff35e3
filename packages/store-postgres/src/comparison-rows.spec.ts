import type { ComparisonRecord } from '@cutover/migrate';
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from './comparison-rows.js';
import { COLUMN_TYPES, fromRow, toColumns } from './comparison-rows.js';

/** The row PostgreSQL would return for one inserted record. */
function rowOf(record: ComparisonRecord): ComparisonRow {
  const [id, at, flag, stage, outcome, ignored, ls, lms, cs, cms, detail] = toColumns([{ id: 'x', record }]).map((column) => column[0]);
  return {
    id: String(id),
    recorded_at: new Date(String(at)),
    flag_key: String(flag),
    stage: stage as ComparisonRow['stage'],
    outcome: outcome as ComparisonRow['outcome'],
    ignored: ignored === true,
    legacy_status: ls as ComparisonRow['legacy_status'],
    legacy_ms: lms as number | null,
    candidate_status: cs as ComparisonRow['candidate_status'],
    candidate_ms: cms as number | null,
    detail: detail === null ? null : JSON.parse(String(detail)),
  };
}

describe(toColumns.name, () => {
  it('makes one array per column', () => {
    expect(toColumns([]).length).toBe(COLUMN_TYPES.length);
  });

  it('keeps a plain match narrow: no detail', () => {
    const match: ComparisonRecord = { timestamp: '2026-03-01T00:00:00.000Z', flagKey: 'f', stage: 'shadow', outcome: 'match', legacy: { status: 'ok', durationMs: 1 }, candidate: { status: 'ok', durationMs: 2 }, differences: [] };
    expect(rowOf(match).detail).toBeNull();
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
      differences: [{ path: '$.items[0]', legacy: 1, candidate: undefined, reason: 'missing' }],
      noisy: ['$.at'],
      input: { q: 'pizza' },
    };
    expect(fromRow(rowOf(mismatch))).toEqual(mismatch);
  });
});
