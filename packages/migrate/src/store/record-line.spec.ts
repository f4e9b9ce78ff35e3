import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonRecord } from '../testing/comparison-records.js';
import type { ComparisonRecord } from './comparison-record.js';
import { parseRecordLine } from './parse-record-line.js';
import { recordLine } from './record-line.js';

describe(recordLine.name, () => {
  it.each([
    ['a plain match', comparisonRecord()],
    ['a plain match with an item id', comparisonRecord({ itemId: 'tenant-42' })],
    ['an item id that needs escaping', comparisonRecord({ itemId: 'chat "7"\u00e9' })],
    ['an item id where the runner puts it', { timestamp: 't', flagKey: 'f', stage: 'live', itemId: 'issue-23', outcome: 'match', legacy: { status: 'ok', durationMs: 1 }, candidate: { status: 'ok', durationMs: 2 }, differences: [] } satisfies ComparisonRecord],
    ['an ignored match', comparisonRecord({ ignored: true })],
    ['a timed-out candidate', comparisonRecord({ candidate: { status: 'timeout', durationMs: 5000 } })],
    ['a failed path', comparisonRecord({ legacy: { status: 'error', durationMs: 1.5e-7, error: 'x' } })],
    ['a mismatch with input', comparisonRecord({ outcome: 'mismatch', input: { a: 1 }, differences: [{ path: '$.a', legacy: 1, candidate: 2 }] })],
    ['an escaped flag key and timestamp', comparisonRecord({ flagKey: 'a"b\\c\u2028', timestamp: 'x"y' })],
    ['a non-finite duration', comparisonRecord({ legacy: { status: 'ok', durationMs: Number.NaN } })],
    ['negative zero', comparisonRecord({ legacy: { status: 'ok', durationMs: -0 } })],
    ['a record with a field of its own', { ...comparisonRecord(), spillId: 'id-1' }],
    ['a path with a field of its own', comparisonRecord({ legacy: { status: 'ok', durationMs: 1, note: 'x' } as ComparisonRecord['legacy'] })],
    ['a key present but undefined', comparisonRecord({ input: undefined })],
  ])('writes %s exactly as JSON.stringify does', (_name, record) => {
    expect(recordLine(record)).toBe(JSON.stringify(record) + '\n');
  });

  it('writes any plain match as JSON.stringify does', () => {
    const path = fc.record({ status: fc.constantFrom('ok' as const, 'error' as const, 'timeout' as const), durationMs: fc.double() });
    fc.assert(
      fc.property(fc.string(), fc.string(), path, path, (timestamp, flagKey, legacy, candidate) => {
        const record: ComparisonRecord = { timestamp, flagKey, stage: 'shadow', outcome: 'match', legacy, candidate, differences: [] };
        expect(recordLine(record)).toBe(JSON.stringify(record) + '\n');
      }),
    );
  });

  it('writes any plain match with an item id as JSON.stringify does, and reads it back', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (flagKey, itemId) => {
        const record: ComparisonRecord = { timestamp: '2026-01-01T00:00:00.000Z', flagKey, stage: 'live', itemId, outcome: 'match', legacy: { status: 'ok', durationMs: 1 }, candidate: { status: 'ok', durationMs: 2 }, differences: [] };
        const line = recordLine(record);
        expect(line).toBe(JSON.stringify(record) + '\n');
        expect(parseRecordLine(line.slice(0, -1))).toEqual(record);
      }),
    );
  });

  it('writes lines the store reads back as they were', () => {
    const ms = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.string(), ms, ms, (at, flagKey, legacyMs, candidateMs) => {
        const record = comparisonRecord({ timestamp: at.toISOString(), flagKey, legacy: { status: 'ok', durationMs: legacyMs }, candidate: { status: 'timeout', durationMs: candidateMs } });
        const line = recordLine(record);
        expect(parseRecordLine(line.slice(0, -1))).toEqual(JSON.parse(line));
      }),
    );
  });
});
