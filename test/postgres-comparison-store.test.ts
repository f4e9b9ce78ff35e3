// PostgresComparisonStore on a real PostgreSQL server (initdb + postgres from
// the Debian package, in a temporary directory). Without PostgreSQL the suite
// is skipped locally and fails in CI.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileComparisonStore } from '@cutover/migrate';
import type { ComparisonRecord, Logger } from '@cutover/migrate';
import { PostgresComparisonStore, SCHEMA_VERSION } from '@cutover/store-postgres';
import type { PostgresComparisonStoreOptions } from '@cutover/store-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBin, startPostgres } from './support/postgres-server.js';
import type { PostgresServer } from './support/postgres-server.js';

const bin = findPostgresBin();
const quiet: Logger = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined };
let schemas = 0;

function record(i: number, overrides: Partial<ComparisonRecord> = {}): ComparisonRecord {
  const mismatch = i % 10 === 0;
  return {
    timestamp: new Date(Date.UTC(2026, 2, 1, 12, 0, 0, i)).toISOString(),
    flagKey: i % 2 === 0 ? 'search' : 'billing',
    stage: 'shadow',
    outcome: mismatch ? 'mismatch' : i % 97 === 0 ? 'error' : 'match',
    ...(i % 33 === 0 && { ignored: true }),
    legacy: { status: i % 50 === 0 ? 'error' : 'ok', durationMs: (i % 100) + 1, ...(mismatch && { value: { items: [i] } }), ...(i % 50 === 0 && { error: 'Error: boom' }) },
    candidate: { status: i % 70 === 0 ? 'timeout' : 'ok', durationMs: (i % 40) * 2 + 0.5, ...(mismatch && { value: { items: [i + 1] } }) },
    differences: mismatch ? [{ path: `$.items[${i % 3}]`, legacy: i, candidate: i + 1 }, ...(i % 20 === 0 ? [{ path: '$.total', legacy: 1, candidate: 2 }] : [])] : [],
    ...(mismatch && { input: { query: `q${i}` }, noisy: ['$.at'] }),
    ...overrides,
  };
}

describe.skipIf(!bin)('PostgresComparisonStore on a real PostgreSQL', () => {
  let server: PostgresServer;
  let dir: string;
  const stores: PostgresComparisonStore[] = [];
  const open = (options: PostgresComparisonStoreOptions = {}, spillDirectory?: string): PostgresComparisonStore => {
    const store = new PostgresComparisonStore({ url: server.url, logger: quiet, ...(spillDirectory && { spillDirectory }), options: { schema: `t${++schemas}`, retentionDays: 0, ...options } });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startPostgres(bin!);
    dir = await mkdtemp(join(tmpdir(), 'cutover-pg-store-'));
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('creates its schema by versioned migration, once, however many processes start at once', async () => {
    const schema = `t${++schemas}`;
    const fleet = [0, 1, 2].map(() => new PostgresComparisonStore({ url: server.url, logger: quiet, options: { schema } }));
    stores.push(...fleet);
    await Promise.all(fleet.map((s) => s.getSummary()));
    const client = new pg.Client(server.url);
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM ${schema}.schema_version`);
    await client.end();
    expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it('gives back the records it was given, in time order, and the most recent first', async () => {
    const store = open({ batchSize: 7 });
    const given = Array.from({ length: 2500 }, (_, i) => record(i));
    await Promise.all(given.map((r) => store.record(r)));
    const read: ComparisonRecord[] = [];
    for await (const r of store.records()) read.push(r);
    expect(read).toEqual(given);
    expect(await store.getRecent(3)).toEqual(given.slice(-3).reverse());
    expect(store.stats()).toMatchObject({ written: 2500, dropped: 0, writeErrors: 0, spilled: 0 });
  });

  it('summarises in SQL to the same figures as the file store', async () => {
    const store = open();
    const file = new FileComparisonStore({ directory: join(dir, 'file-store') });
    const given = Array.from({ length: 3000 }, (_, i) => record(i));
    await Promise.all(given.flatMap((r) => [store.record(r), file.record(r)]));
    for (const range of [{}, { flagKey: 'search' }, { from: new Date(given[1000]!.timestamp), to: new Date(given[1999]!.timestamp) }]) {
      const [fromSql, fromFile] = [await store.getSummary(range), await file.getSummary(range)];
      const { legacy, candidate, ...counts } = fromSql;
      const { legacy: fileLegacy, candidate: fileCandidate, ...fileCounts } = fromFile;
      expect(counts).toEqual(fileCounts);
      for (const [sql, disk] of [[legacy, fileLegacy], [candidate, fileCandidate]] as const) {
        expect({ ...sql, averageMs: 0, p95Ms: 0 }).toEqual({ ...disk, averageMs: 0, p95Ms: 0 });
        expect(sql.averageMs).toBeCloseTo(disk.averageMs, 6);
        // The file store's p95 is a DDSketch estimate within 1 %.
        expect(Math.abs(sql.p95Ms - disk.p95Ms)).toBeLessThanOrEqual(disk.p95Ms * 0.011);
      }
    }
    await file.close();
  });

  it('names example items of each difference path in its summary', async () => {
    const store = open();
    await Promise.all(['issue-3', 'issue-1', 'issue-3'].map((itemId, i) => store.record(record(10 * (i + 1), { itemId }))));
    await store.flush();
    const { topDifferences } = await store.getSummary();
    expect(topDifferences.find((d) => d.path === '$.items[*]')).toEqual({ path: '$.items[*]', count: 3, items: ['issue-1', 'issue-3'] });
  });

  it('deletes the records of days older than retentionDays', async () => {
    const store = open({ retentionDays: 2 });
    // Its first use also deletes by the real clock, which would take every record below: let that run on the empty table.
    await store.applyRetention(new Date(0));
    const now = new Date('2026-03-10T08:00:00Z');
    const days = ['2026-03-07T23:59:59.999Z', '2026-03-08T00:00:00.000Z', '2026-03-10T07:00:00.000Z'];
    await Promise.all(days.map((timestamp, i) => store.record(record(i + 1, { timestamp }))));
    await store.flush();
    expect(await store.applyRetention(now)).toBe(1);
    const kept: string[] = [];
    for await (const r of store.records()) kept.push(r.timestamp);
    expect(kept).toEqual(days.slice(1));
  });

  it('spills while PostgreSQL is down without slowing the caller, and replays every record once it is back', async () => {
    const spill = join(dir, 'spill');
    const store = open({ retryIntervalMs: 100, queryTimeoutMs: 1000 }, spill);
    await store.getSummary();
    const before = Array.from({ length: 100 }, (_, i) => record(i));
    await Promise.all(before.map((r) => store.record(r)));
    await server.pause();
    const during = Array.from({ length: 5000 }, (_, i) => record(1000 + i));
    const started = performance.now();
    const recorded = during.map((r) => store.record(r));
    expect(performance.now() - started).toBeLessThan(500);
    await Promise.all(recorded);
    expect(store.stats()).toMatchObject({ available: false, spilled: 5000 });
    expect((await readdir(spill)).length).toBeGreaterThan(0);
    await server.resume();
    await expect.poll(() => store.stats().replayed, { timeout: 20_000, interval: 100 }).toBe(5000);
    const summary = await store.getSummary();
    expect(summary.total).toBe(5100);
    expect(store.stats()).toMatchObject({ available: true, dropped: 0, writeErrors: 0 });
    expect(await readdir(spill)).toEqual([]);
  });

  it('without a spill directory, keeps a bounded queue and counts what it drops', async () => {
    const store = open({ maxQueuedRecords: 100, retryIntervalMs: 100, queryTimeoutMs: 1000 });
    await store.getSummary();
    await server.pause();
    const calls = Array.from({ length: 300 }, (_, i) => store.record(record(i)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.stats().queued).toBeLessThanOrEqual(100);
    await server.resume();
    await Promise.all(calls);
    await store.flush();
    const { total } = await store.getSummary();
    const { dropped, writeErrors } = store.stats();
    expect(total + dropped + writeErrors).toBe(300);
    expect(dropped + writeErrors).toBeGreaterThan(0);
  });
});
