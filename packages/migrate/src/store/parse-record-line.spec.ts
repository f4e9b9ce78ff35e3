import { describe, expect, it } from 'vitest';
import { parseRecordLine } from './parse-record-line.js';
import { comparisonRecord } from '../testing/comparison-records.js';

describe(parseRecordLine.name, () => {
  it.each([
    ['a plain match', comparisonRecord()],
    ['an ignored match', comparisonRecord({ ignored: true, legacy: { status: 'error', durationMs: 1.5e-7, error: 'x' } })],
    ['a timed-out candidate', comparisonRecord({ candidate: { status: 'timeout', durationMs: 5000 } })],
    ['a mismatch with input', comparisonRecord({ outcome: 'mismatch', input: { a: 1 }, differences: [{ path: '$.a', legacy: 1, candidate: 2 }] })],
    ['an escaped flag key', comparisonRecord({ flagKey: 'a"b' })],
  ])('reads %s exactly as JSON.parse does', (_name, record) => {
    const line = JSON.stringify(record);
    expect(parseRecordLine(line)).toEqual(JSON.parse(line));
  });

  it.each([
    ['a torn line', JSON.stringify(comparisonRecord()).slice(0, -1)],
    ['a broken number', JSON.stringify(comparisonRecord()).replace('"durationMs":10', '"durationMs":1.0.0')],
    ['JSON that is not a record', '{"hello":"world"}'],
    ['garbage', 'x{'],
  ])('rejects %s', (_name, line) => {
    expect(parseRecordLine(line)).toBeUndefined();
  });
});
