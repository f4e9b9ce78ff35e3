import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '@cutover/core';
import { comparisonRecord } from '../testing/comparison-records.js';
import { FileComparisonStore } from './file-comparison-store.js';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'cutover-batching-'));
const quiet = (): Logger => ({ warn: vi.fn(), error: vi.fn(), info: vi.fn(), debug: vi.fn() });

/** Every line of every file of `directory`, the torn tail of a file included. */
async function lines(directory: string): Promise<string[]> {
  const all: string[] = [];
  for (const name of await readdir(directory)) all.push(...(await readFile(join(directory, name), 'utf8')).split('\n').filter(Boolean));
  return all;
}

/** Runs the queued-writer child until it reports, then kills it with SIGKILL. */
async function killedWhileQueued(directory: string, written: number, queued: number): Promise<{ acknowledged: number; queued: number }> {
  const root = fileURLToPath(new URL('../../../..', import.meta.url));
  const worker = fileURLToPath(new URL('../testing/queued-writer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', worker, directory, String(written), String(queued)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const report = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`writer exited ${code} before reporting`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return JSON.parse(report) as { acknowledged: number; queued: number };
}

describe(`${FileComparisonStore.name} batching`, () => {
  it('writes records given in many turns in one batch per flush interval', async () => {
    const directory = await tempDir();
    const store = new FileComparisonStore({ directory, options: { flushIntervalMs: 50 } });
    const writes = [];
    for (let i = 0; i < 20; i++) {
      writes.push(store.record(comparisonRecord({ input: { seq: i } })));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(store.stats().queued).toBe(20);
    expect(await readdir(directory).catch(() => [])).toEqual([]);
    await Promise.all(writes);
    expect(store.stats()).toMatchObject({ written: 20, queued: 0 });
    expect(await lines(directory)).toHaveLength(20);
    await store.close();
  });

  it('loses no record on a clean close, however recently it was given', async () => {
    const directory = await tempDir();
    const store = new FileComparisonStore({ directory, options: { flushIntervalMs: 60_000 } });
    for (let i = 0; i < 500; i++) void store.record(comparisonRecord({ input: { seq: i } }));
    await store.close();
    const seqs = (await lines(directory)).map((line) => (JSON.parse(line) as { input?: { seq: number } }).input?.seq);
    expect(seqs).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(store.stats()).toMatchObject({ written: 500, queued: 0, dropped: 0, writeErrors: 0 });
  });

  it('loses to a crash (SIGKILL) only the batch being gathered, which it counted as queued', async () => {
    const directory = await tempDir();
    const { acknowledged, queued } = await killedWhileQueued(directory, 200, 37);
    expect(queued).toBe(37);
    const kept = await lines(directory);
    expect(kept).toHaveLength(acknowledged);
    for (const line of kept) JSON.parse(line);
    const summary = await new FileComparisonStore({ directory }).getSummary();
    expect(summary).toMatchObject({ total: 200, tornLines: 0 });
  }, 30_000);

  it('counts the records dropped while the queue is full, and writes every other one', async () => {
    const directory = await tempDir();
    const line = JSON.stringify(comparisonRecord({ input: { seq: 0 } })).length + 1;
    const store = new FileComparisonStore({ directory, logger: quiet(), options: { flushIntervalMs: 60_000, maxQueuedBytes: 10 * line + 5 } });
    const writes = Array.from({ length: 25 }, (_, i) => store.record(comparisonRecord({ input: { seq: i } })));
    expect(store.stats()).toMatchObject({ written: 10, dropped: 15, queued: 10 });
    await store.close();
    await Promise.all(writes);
    expect(await lines(directory)).toHaveLength(10);
    expect(store.stats()).toMatchObject({ written: 10, dropped: 15, queued: 0 });
  });
});
