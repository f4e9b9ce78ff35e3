import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundedJson } from '../store/bounded-json.js';
import { FileComparisonStore } from '../store/file-comparison-store.js';
import { replay } from './replay.js';
import { comparisonRecord } from '../testing/comparison-records.js';

describe(replay.name, () => {
  it('runs a fixed candidate on stored mismatch inputs and tells which now match legacy', async () => {
    const store = new FileComparisonStore({ directory: await mkdtemp(join(tmpdir(), 'cutover-replay-')) });
    const mismatch = (input: unknown, legacy: number) =>
      comparisonRecord({ outcome: 'mismatch', input, legacy: { status: 'ok', durationMs: 1, value: legacy }, candidate: { status: 'ok', durationMs: 1, value: -1 } });
    await store.record(mismatch(2, 4));
    await store.record(mismatch(3, 9));
    await store.record(mismatch(boundedJson('x'.repeat(500), 100), 0));
    await store.record(comparisonRecord({ outcome: 'match' }));
    const report = await replay({ store, candidate: (n: number) => (n === 2 ? n * 2 : n + 1) });
    expect(report).toMatchObject({ replayed: 2, fixed: 1, stillMismatching: 1, skipped: 1 });
    expect(report.results.map((r) => [r.record.input, r.fixed])).toEqual([
      [2, true],
      [3, false],
    ]);
    await store.close();
  });

  it('expects the same error when legacy failed', async () => {
    const store = new FileComparisonStore({ directory: await mkdtemp(join(tmpdir(), 'cutover-replay-')) });
    await store.record(comparisonRecord({ outcome: 'mismatch', input: 1, legacy: { status: 'error', durationMs: 1, error: 'Error: not found' } }));
    const report = await replay({ store, candidate: () => Promise.reject(new Error('not found')) });
    expect(report.fixed).toBe(1);
    await store.close();
  });
});
