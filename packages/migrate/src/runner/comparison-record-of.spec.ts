import { describe, expect, it } from 'vitest';
import { parseRecordLine } from '../store/parse-record-line.js';
import { SummaryBuilder } from '../store/summary-builder.js';
import { comparisonRecord } from '../testing/comparison-records.js';
import { runResult } from '../testing/run-results.js';
import { comparisonRecordOf } from './comparison-record-of.js';
import type { RunResult } from './run-result.js';

const mismatch = (): RunResult =>
  runResult({
    outcome: 'mismatch',
    differences: [{ path: '$.items[0].kcal', legacy: 95, candidate: 102 }],
    legacy: { path: 'legacy', status: 'ok', durationMs: 10, value: { kcal: 95 } },
    candidate: { path: 'candidate', status: 'ok', durationMs: 12, value: { kcal: 102 } },
    input: { text: 'one apple' },
  });

describe(comparisonRecordOf.name, () => {
  it('keeps a match small: no values, no input, in the line shape summaries read fastest', () => {
    const record = comparisonRecordOf(runResult(), 16_384);
    expect(record).toEqual(comparisonRecord({ timestamp: '2026-03-01T10:00:00.000Z' }));
    expect(parseRecordLine(JSON.stringify(record))).toEqual(record);
  });

  it('keeps what a replay needs of a mismatch: values, differences and input', () => {
    expect(comparisonRecordOf(mismatch(), 16_384)).toMatchObject({
      outcome: 'mismatch',
      legacy: { status: 'ok', value: { kcal: 95 } },
      candidate: { status: 'ok', value: { kcal: 102 } },
      differences: [{ path: '$.items[0].kcal', legacy: 95, candidate: 102 }],
      input: { text: 'one apple' },
    });
  });

  it('bounds values, input, differences and noisy paths', () => {
    const big = 'x'.repeat(10_000);
    const many = Array.from({ length: 100 }, (_, i) => ({ path: `$[${i}]`, legacy: big, candidate: big }));
    const result = runResult({ ...mismatch(), input: big, differences: many, noisy: many.map((d) => d.path) });
    const record = comparisonRecordOf({ ...result, candidate: { ...result.candidate, value: big } }, 1024);
    expect(record.candidate.value).toMatchObject({ $truncated: true });
    expect(record.input).toMatchObject({ $truncated: true });
    expect(record.differences).toHaveLength(32);
    expect(record.differences[0]?.legacy).toMatchObject({ $truncated: true });
    expect(record.noisy).toHaveLength(32);
  });

  it('says why an error outcome is one, and what each failed path threw', () => {
    const result = runResult({ outcome: 'error', failure: 'compare', candidate: { path: 'candidate', status: 'error', durationMs: 3, error: 'Error: boom' } });
    expect(comparisonRecordOf(result, 16_384)).toMatchObject({ outcome: 'error', failure: 'compare', candidate: { status: 'error', error: 'Error: boom' } });
  });

  it('summarises as its result does, so a summary read from disk counts what the runner concluded', () => {
    const results = [runResult(), mismatch(), runResult({ outcome: 'error', failure: 'over-budget' }), runResult({ ignored: true })];
    const fromResults = new SummaryBuilder();
    const fromRecords = new SummaryBuilder();
    for (const result of results) {
      fromResults.add(result);
      fromRecords.add(parseRecordLine(JSON.stringify(comparisonRecordOf(result, 16_384))) ?? runResult());
    }
    expect(fromRecords.build(0)).toEqual(fromResults.build(0));
  });
});
