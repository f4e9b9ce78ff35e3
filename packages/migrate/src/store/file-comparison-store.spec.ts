import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { ComparisonRecord } from './comparison-record.js';
import { FileComparisonStore } from './file-comparison-store.js';
import { DEFAULT_FILE_COMPARISON_STORE_CONFIG } from './file-comparison-store-config.js';
import type { Logger } from '@cutover/core';
import { ComparisonStoreError } from '../migration-error.js';
import { comparisonRecord } from '../testing/comparison-records.js';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'cutover-store-'));
const quiet = (): Logger => ({ warn: vi.fn(), error: vi.fn(), info: vi.fn(), debug: vi.fn() });

async function lines(directory: string): Promise<string[]> {
  const all: string[] = [];
  for (const name of await readdir(directory)) all.push(...(await readFile(join(directory, name), 'utf8')).split('\n'));
  return all;
}

function exitCode(args: string[]): Promise<number | null> {
  const root = fileURLToPath(new URL('../../../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', resolve));
}

describe(FileComparisonStore.name, () => {
  it('has documented defaults', () => {
    expect(new FileComparisonStore({ directory: '/nowhere' }).config).toEqual({ maxQueuedBytes: 16_777_216, maxRecordBytes: 1_048_576, flushIntervalMs: 5 });
    expect(DEFAULT_FILE_COMPARISON_STORE_CONFIG.maxQueuedBytes).toBe(16 * 1024 * 1024);
  });

  it('rejects a bad option by name', () => {
    expect(() => new FileComparisonStore({ directory: '/x', options: { maxRecordBytes: 1 } })).toThrow(/maxRecordBytes/);
  });

  it('appends one JSON line per record to a file per UTC day', async () => {
    const directory = await tempDir();
    const store = new FileComparisonStore({ directory });
    await store.record(comparisonRecord({ timestamp: '2026-03-01T23:59:59.999Z' }));
    await store.record(comparisonRecord({ timestamp: '2026-03-02T00:00:00.000Z' }));
    await store.close();
    const names = (await readdir(directory)).sort();
    expect(names.map((n) => n.slice(0, 10))).toEqual(['2026-03-01', '2026-03-02']);
    expect((await lines(directory)).filter(Boolean).map((l) => (JSON.parse(l) as ComparisonRecord).timestamp)).toHaveLength(2);
  });

  it('returns the most recent records, newest first, across days and writers', async () => {
    const directory = await tempDir();
    const a = new FileComparisonStore({ directory });
    const b = new FileComparisonStore({ directory });
    const at = (day: number, second: number): string => `2026-03-0${day}T00:00:0${second}.000Z`;
    await a.record(comparisonRecord({ timestamp: at(1, 1) }));
    await b.record(comparisonRecord({ timestamp: at(2, 1) }));
    await a.record(comparisonRecord({ timestamp: at(2, 3) }));
    await b.record(comparisonRecord({ timestamp: at(2, 2) }));
    const recent = await a.getRecent(3);
    expect(recent.map((r) => r.timestamp)).toEqual([at(2, 3), at(2, 2), at(2, 1)]);
    expect((await a.getRecent(10)).map((r) => r.timestamp)).toContain(at(1, 1));
    await Promise.all([a.close(), b.close()]);
  });

  it('summarises totals, match rate, durations per path and top difference paths', async () => {
    const directory = await tempDir();
    const store = new FileComparisonStore({ directory });
    for (let i = 1; i <= 100; i++) {
      const mismatch = i % 4 === 0;
      await store.record(
        comparisonRecord({
          outcome: mismatch ? 'mismatch' : 'match',
          legacy: { status: 'ok', durationMs: i },
          candidate: { status: i === 1 ? 'error' : 'ok', durationMs: 2 * i },
          differences: mismatch ? [{ path: `$.items[${i}].kcal`, legacy: 1, candidate: 2 }, ...(i % 8 === 0 ? [{ path: '$.total', legacy: 1, candidate: 2 }] : [])] : [],
        }),
      );
    }
    const summary = await store.getSummary();
    expect(summary).toMatchObject({ total: 100, matches: 75, mismatches: 25, matchRate: 0.75, tornLines: 0 });
    expect(summary.legacy.averageMs).toBeCloseTo(50.5, 5);
    expect(summary.legacy.p95Ms).toBeGreaterThan(95 * 0.99);
    expect(summary.legacy.p95Ms).toBeLessThan(95 * 1.01);
    expect(summary.candidate).toMatchObject({ count: 100, errors: 1 });
    expect(summary.topDifferences).toEqual([
      { path: '$.items[*].kcal', count: 25 },
      { path: '$.total', count: 12 },
    ]);
    await store.close();
  });

  it('names the first items of each difference path, at most three, once each', async () => {
    const directory = await tempDir();
    const store = new FileComparisonStore({ directory });
    const differences = [{ path: '$.plan[0].agent', legacy: 'a', candidate: 'b' }];
    for (const issue of [101, 102, 101, 103, 104]) await store.record(comparisonRecord({ outcome: 'mismatch', itemId: `issue-${issue}`, differences }));
    await store.record(comparisonRecord({ outcome: 'mismatch', differences: [{ path: '$.total', legacy: 1, candidate: 2 }] }));
    expect((await store.getSummary()).topDifferences).toEqual([
      { path: '$.plan[*].agent', count: 5, items: ['issue-101', 'issue-102', 'issue-103'] },
      { path: '$.total', count: 1 },
    ]);
    await store.close();
  });

  it('summarises only the requested time range and migration', async () => {
    const directory = await tempDir();
    const store = new FileComparisonStore({ directory });
    await store.record(comparisonRecord({ timestamp: '2026-03-01T10:00:00.000Z' }));
    await store.record(comparisonRecord({ timestamp: '2026-03-02T10:00:00.000Z' }));
    await store.record(comparisonRecord({ timestamp: '2026-03-02T11:00:00.000Z', flagKey: 'other' }));
    await store.record(comparisonRecord({ timestamp: '2026-03-03T10:00:00.000Z' }));
    const range = { from: new Date('2026-03-01T12:00:00Z'), to: new Date('2026-03-03T09:00:00Z') };
    expect((await store.getSummary(range)).total).toBe(2);
    expect((await store.getSummary({ ...range, flagKey: 'search-migration' })).total).toBe(1);
    await store.close();
  });

  it('skips and reports a torn last line left by a crash mid-write', async () => {
    const directory = await tempDir();
    const logger = quiet();
    const store = new FileComparisonStore({ directory, logger });
    await store.record(comparisonRecord());
    await store.record(comparisonRecord());
    await store.close();
    const [name = ''] = await readdir(directory);
    await appendFile(join(directory, name), JSON.stringify(comparisonRecord()).slice(0, 40));
    const summary = await store.getSummary();
    expect(summary).toMatchObject({ total: 2, tornLines: 1 });
    expect(store.stats().tornLines).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('torn'));
  });

  it('counts and logs disk errors, and never rejects', async () => {
    const blocker = join(await tempDir(), 'not-a-directory');
    await writeFile(blocker, '');
    const logger = quiet();
    const store = new FileComparisonStore({ directory: blocker, logger });
    await expect(store.record(comparisonRecord())).resolves.toBeUndefined();
    expect(store.stats()).toMatchObject({ written: 0, writeErrors: 1 });
    expect(logger.error).toHaveBeenCalled();
  });

  it('rejects reads with an error naming the path when the store path is not a directory', async () => {
    const blocker = join(await tempDir(), 'not-a-directory');
    await writeFile(blocker, '');
    const store = new FileComparisonStore({ directory: blocker, logger: quiet() });
    await expect(store.getSummary()).rejects.toThrow(ComparisonStoreError);
    await expect(store.getSummary()).rejects.toThrow(`comparison store "${blocker}" is not a directory`);
    await expect(store.getRecent(1)).rejects.toThrow(blocker);
  });

  it('opens a new file when its file was deleted, so later records stay readable, and counts it', async () => {
    const directory = await tempDir();
    const logger = quiet();
    const store = new FileComparisonStore({ directory, logger });
    for (let i = 0; i < 5; i++) await store.record(comparisonRecord());
    for (const name of await readdir(directory)) await unlink(join(directory, name));
    // The writer checks its file at most every 100 ms.
    await new Promise((resolve) => setTimeout(resolve, 150));
    for (let i = 0; i < 5; i++) await store.record(comparisonRecord());
    await store.flush();
    expect((await store.getSummary()).total).toBe(5);
    expect(store.stats()).toMatchObject({ written: 10, writeErrors: 0, reopened: 1 });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('reopen'));
    await store.close();
  });

  it('drops and counts records beyond the queue bound or the record size bound', async () => {
    const store = new FileComparisonStore({ directory: await tempDir(), logger: quiet(), options: { maxQueuedBytes: 600, maxRecordBytes: 1000 } });
    const writes = [1, 2, 3, 4].map(() => store.record(comparisonRecord()));
    writes.push(store.record(comparisonRecord({ input: 'x'.repeat(2000) })));
    await Promise.all(writes);
    expect(store.stats().dropped).toBeGreaterThanOrEqual(2);
    expect(store.stats().written + store.stats().dropped).toBe(5);
    await store.close();
  });

  it('keeps every line whole when several processes append big records to the same directory', async () => {
    const directory = await tempDir();
    const worker = fileURLToPath(new URL('../testing/append-worker.ts', import.meta.url));
    const workers = 4;
    const perWorker = 300;
    const codes = await Promise.all(Array.from({ length: workers }, (_, w) => exitCode([worker, directory, String(perWorker), String(w)])));
    expect(codes).toEqual(Array(workers).fill(0));
    const all = (await lines(directory)).filter((l) => l !== '');
    const seen = new Set(all.map((l) => JSON.stringify((JSON.parse(l) as { input: { worker: number; seq: number } }).input, ['worker', 'seq'])));
    expect(all).toHaveLength(workers * perWorker);
    expect(seen.size).toBe(workers * perWorker);
    expect((await new FileComparisonStore({ directory }).getSummary()).tornLines).toBe(0);
  }, 60_000);
});
