// The fleet's engines on real servers started for the run (redis-server and
// PostgreSQL from the Debian packages, loopback, temporary directories;
// PostgreSQL durable: fsync and synchronous commit on). Figures: the item
// lock's acquire + release round trip against bare Redis commands, the
// PostgreSQL store's append rate against the file store's, and a summary of
// 1 000 000 records computed in SQL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisItemLock } from '@cutover/lock-redis';
import { FileComparisonStore } from '@cutover/migrate';
import type { ComparisonStore } from '@cutover/migrate';
import { PostgresComparisonStore } from '@cutover/store-postgres';
import { Redis } from 'ioredis';
import pg from 'pg';
import { findPostgresBin, startPostgres } from '../test/support/postgres-server.js';
import { startRedis } from '../test/support/redis-server.js';
import { findBinary } from '../test/support/require-binary.js';
import { record } from './migrate.bench.js';
import { scaled } from './smoke.js';

const ROUND_TRIPS = scaled(5000, 50);
const SUMMARY_ROWS = scaled(1_000_000, 1000);
const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined };

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** p50 and p99 of `count` sequential runs of `once`, in µs. */
async function latencies(count: number, once: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < scaled(500, 5); i++) await once(-i - 1);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await once(i);
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

async function lockRoundTrip(redisBinary: string): Promise<boolean> {
  const redis = await startRedis(redisBinary);
  const lock = new RedisItemLock({ url: redis.url, logger: quiet });
  const bare = new Redis(redis.url);
  try {
    const options = { ttlMs: 30_000, waitMs: 0 };
    const locked = await latencies(ROUND_TRIPS, async (i) => (await lock.acquire(`item:${i}`, options))?.release());
    const setOnly = await latencies(ROUND_TRIPS, (i) => bare.set(`bare:${i}`, 'holder', 'PX', 30_000, 'NX'));
    const setDel = await latencies(ROUND_TRIPS, async (i) => {
      await bare.set(`pair:${i}`, 'holder', 'PX', 30_000, 'NX');
      await bare.del(`pair:${i}`);
    });
    const row = (name: string, l: { p50: number; p99: number }): string => `  ${name.padEnd(52)} p50 ${l.p50.toFixed(0).padStart(5)} µs   p99 ${l.p99.toFixed(0).padStart(5)} µs`;
    console.log(`\nitem lock round trip (${ROUND_TRIPS} sequential, one connection each)`);
    console.log(row('RedisItemLock acquire + release (2 scripts)', locked));
    console.log(row('bare SET NX PX (1 command, no release)', setOnly));
    console.log(row('bare SET NX PX + DEL (2 commands, unsafe release)', setDel));
    console.log(`  RedisItemLock / bare SET NX PX + DEL at p50: ${(locked.p50 / setDel.p50).toFixed(2)}×`);
    return true;
  } finally {
    bare.disconnect();
    await lock.close();
    await redis.stop();
  }
}

/** Records per second through `store.record` (turns of 1000, as a busy process produces them) until all are stored. */
async function appendRate(store: ComparisonStore, total: number): Promise<number> {
  const turn = Array.from({ length: 1000 }, (_, i) => record(i));
  const start = performance.now();
  for (let done = 0; done < total; done += turn.length) await Promise.all(turn.map((r) => store.record(r)));
  await store.flush();
  return total / ((performance.now() - start) / 1000);
}

async function storeFigures(postgresBin: string): Promise<boolean> {
  const server = await startPostgres(postgresBin, { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });
  const directory = await mkdtemp(join(tmpdir(), 'cutover-bench-'));
  try {
    const total = scaled(200_000, 2000);
    const file = new FileComparisonStore({ directory });
    const fileRate = await appendRate(file, total);
    await file.close();
    const store = new PostgresComparisonStore({ url: server.url, logger: quiet, options: { schema: 'append', retentionDays: 0 } });
    await store.getSummary();
    const rate = await appendRate(store, total);
    const { written, dropped, writeErrors, spilled } = store.stats();
    await store.close();
    const appendOk = rate >= 20_000 && written === total && dropped + writeErrors + spilled === 0;
    console.log(`\nstore append, ${total} records, one process`);
    console.log(`  FileComparisonStore (JSONL)        ${Math.round(fileRate).toString().padStart(8)} records/s`);
    console.log(`  PostgresComparisonStore (batched)  ${Math.round(rate).toString().padStart(8)} records/s (written ${written}, spilled ${spilled}, dropped ${dropped + writeErrors})`);
    console.log(`  target PostgreSQL append rate: ${Math.round(rate)} records/s (goal ≥ 20000) ${appendOk ? 'PASS' : 'MISS'}`);
    return (await summaryTime(server.url)) && appendOk;
  } finally {
    await rm(directory, { recursive: true, force: true });
    await server.stop();
  }
}

async function summaryTime(url: string): Promise<boolean> {
  const store = new PostgresComparisonStore({ url, logger: quiet, options: { schema: 'summary', retentionDays: 0 } });
  await store.getSummary();
  // A million rows shaped as the store writes them, made in SQL: the generator is not what is measured.
  const client = new pg.Client(url);
  await client.connect();
  await client.query(`INSERT INTO summary.comparisons
    SELECT gen_random_uuid(), now() - (i % 86400) * interval '1 second', 'bench-migration', 'shadow',
      CASE WHEN i % 20 = 0 THEN 'mismatch' ELSE 'match' END, false, 'ok', 5 + (i % 97) / 10.0, 'ok', 6 + (i % 89) / 10.0,
      CASE WHEN i % 20 = 0 THEN jsonb_build_object('differences', jsonb_build_array(jsonb_build_object('path', '$.items[' || i % 3 || '].kcal', 'legacy', 95, 'candidate', 102))) END
    FROM generate_series(1, ${SUMMARY_ROWS}) AS i`);
  await client.query('VACUUM ANALYZE summary.comparisons');
  await client.end();
  const start = performance.now();
  const summary = await store.getSummary();
  const seconds = (performance.now() - start) / 1000;
  const since = performance.now();
  const lastHour = await store.getSummary({ from: new Date(Date.now() - 3_600_000), flagKey: 'bench-migration' });
  const hourSeconds = (performance.now() - since) / 1000;
  await store.close();
  const ok = seconds <= 2 && summary.total === SUMMARY_ROWS;
  console.log(`\nstore summary in SQL\n  ${summary.total} records in ${seconds.toFixed(2)} s (match rate ${summary.matchRate.toFixed(3)}, legacy p95 ${summary.legacy.p95Ms.toFixed(2)} ms, top ${summary.topDifferences[0]?.path})`);
  console.log(`  the last hour of one migration (${lastHour.total} records): ${hourSeconds.toFixed(2)} s`);
  console.log(`  target summary of 1 000 000 records: ${seconds.toFixed(2)} s (goal ≤ 2 s) ${ok ? 'PASS' : 'MISS'}`);
  return ok;
}

/** Runs the fleet engine figures; true when all targets are met (or the servers are missing locally). */
export async function run(): Promise<boolean> {
  const redisBinary = findBinary('redis-server', { envVar: 'REDIS_SERVER' });
  const postgresBin = findPostgresBin();
  if (!redisBinary || !postgresBin) return true;
  const results = [await lockRoundTrip(redisBinary), await storeFigures(postgresBin)];
  return results.every(Boolean);
}
