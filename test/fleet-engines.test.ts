// A fleet on real engines: three application processes behind one flagd
// (serving `shadow` from one flag file to each process's remote layer), one
// Redis (the item lock), one PostgreSQL (the comparison store) and a
// Prometheus scraping the three. Every item is delivered to all three at once,
// as webhooks reach every replica: each item is processed once, by the
// authoritative path only, and the fleet's report is the sum of what the three
// recorded, as are Prometheus's counters. Redis is then killed mid-run (the
// fail-closed policy runs the authoritative path alone and counts it), and
// PostgreSQL is stopped for 10 s (callers are not slowed; records spill and are
// replayed, none lost). A guard reading the fleet through Prometheus, its
// match rate through the PostgreSQL store, judges every comparison the fleet made.
// Without flagd, prometheus, redis-server or PostgreSQL the suite is skipped locally and fails in CI.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateGuard, PrometheusSource, resolveGuardConfig, StoreComparisonSource } from '@cutover/guard';
import { PostgresComparisonStore } from '@cutover/store-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildService } from './support/child-service.js';
import type { ChildService } from './support/child-service.js';
import { runCli } from './support/cli-run.js';
import { Flagd, findFlagd } from './support/flagd.js';
import { findPostgresBin, startPostgres } from './support/postgres-server.js';
import { startPrometheus } from './support/prometheus-server.js';
import type { PrometheusServer } from './support/prometheus-server.js';
import type { PostgresServer } from './support/postgres-server.js';
import { startRedis } from './support/redis-server.js';
import type { RedisServer } from './support/redis-server.js';
import { findBinary } from './support/require-binary.js';

const redisBinary = findBinary('redis-server', { envVar: 'REDIS_SERVER' });
const postgresBin = findPostgresBin();
const flagdBinary = findFlagd();
const prometheusBinary = findBinary('prometheus', { envVar: 'PROMETHEUS' });
const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined };
const FLAG = 'issues.triage';

interface Delivery {
  readonly status: 'ok' | 'locked' | 'error';
  readonly ms: number;
}
interface Processed {
  readonly item: number;
  readonly path: string;
  readonly token: number | null;
}
interface AppStats {
  readonly outcomes: { match: number; mismatch: number; error: number };
  readonly lock: { unavailable: number; acquired: number };
  readonly store: { written: number; spilled: number; replayed: number; dropped: number; writeErrors: number; available: boolean; queued: number };
  readonly migration: { lockUnavailable: number };
}

describe.skipIf(!redisBinary || !postgresBin || !flagdBinary || !prometheusBinary)('a fleet on flagd, Redis, PostgreSQL and Prometheus', () => {
  let dir: string;
  let redis: RedisServer;
  let postgres: PostgresServer;
  let flagd: Flagd;
  let prometheus: PrometheusServer;
  let fleetStore: PostgresComparisonStore;
  let guardSource: StoreComparisonSource;
  let apps: ChildService[] = [];
  const ledgers = [0, 1, 2].map((i) => `ledger-${i}.jsonl`);

  const deliver = async (app: ChildService, item: number): Promise<Delivery> =>
    (await fetch(`http://127.0.0.1:${app.port}/items/${item}`, { method: 'POST' })).json() as Promise<Delivery>;
  const stats = async (app: ChildService): Promise<AppStats> => (await fetch(`http://127.0.0.1:${app.port}/stats`)).json() as Promise<AppStats>;
  const fleetStats = (): Promise<AppStats[]> => Promise.all(apps.map(stats));
  const processed = async (): Promise<Processed[]> => {
    const texts = await Promise.all(ledgers.map((l) => readFile(join(dir, l), 'utf8').catch(() => '')));
    return texts.flatMap((t) => t.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Processed));
  };
  const sum = (all: AppStats[], pick: (s: AppStats) => number): number => all.reduce((total, s) => total + pick(s), 0);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-fleet-engines-'));
    await mkdir(join(dir, 'markers'));
    [redis, postgres] = await Promise.all([startRedis(redisBinary!), startPostgres(postgresBin!)]);
    const file = join(dir, 'issues.flagd.json');
    const flag = { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow' }, defaultVariant: 'shadow', metadata: { kind: 'migration', rollbackVariant: 'off' } };
    await writeFile(file, JSON.stringify({ flags: { [FLAG]: flag } }));
    flagd = await Flagd.start({ binary: flagdBinary!, files: [file] });
    // Three processes compile and connect at once on a shared machine: each may take a while to listen.
    apps = await Promise.all(
      ledgers.map((ledger, i) =>
        startChildService('test/support/fleet-engine-app.ts', {
          FLEET_FLAGD_SYNC_PORT: String(flagd.ports.syncPort),
          FLEET_FLAG_KEY: FLAG,
          FLEET_REDIS_URL: redis.url,
          FLEET_PG_URL: postgres.url,
          FLEET_SPILL_DIR: join(dir, `spill-${i}`),
          FLEET_MARKERS_DIR: join(dir, 'markers'),
          FLEET_LEDGER: join(dir, ledger),
        }, 90_000),
      ),
    );
    prometheus = await startPrometheus(prometheusBinary!, apps.map((app) => `127.0.0.1:${app.port}`));
    // The fleet's guard: calls and latency from Prometheus, comparisons from the shared store, one window from now.
    fleetStore = new PostgresComparisonStore({ url: postgres.url, logger: quiet, options: { retentionDays: 0 } });
    guardSource = new StoreComparisonSource({ paths: new PrometheusSource({ url: prometheus.url, flagKey: FLAG }), store: fleetStore, flagKey: FLAG });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await fleetStore?.close();
    await Promise.all([redis?.stop(), postgres?.stop(), flagd?.stop(), prometheus?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('processes each item once by one path, survives Redis and PostgreSQL outages, and reports the fleet as the sum of its processes', async () => {
    // Every process serves the stage flagd serves (it has no flag file of its own), and Prometheus scrapes all three.
    for (const app of apps) expect(await (await fetch(`http://127.0.0.1:${app.port}/flag`)).json()).toEqual({ value: 'shadow', source: 'remote' });
    await expect.poll(async () => (await prometheus.query('count(up{job="fleet"} == 1)'))[0]?.value[1], { timeout: 20_000, interval: 250 }).toBe('3');

    // Every item to all three replicas at once, four items in flight.
    const duplicated = Array.from({ length: 60 }, (_, i) => i + 1);
    const statuses: string[] = [];
    for (let i = 0; i < duplicated.length; i += 4) {
      const results = await Promise.all(duplicated.slice(i, i + 4).flatMap((item) => apps.map((app) => deliver(app, item))));
      statuses.push(...results.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 'error')).toEqual([]);
    // Replicas met on the same item: the lock turned the later ones away.
    expect(statuses.filter((s) => s === 'locked').length).toBeGreaterThan(0);
    const locked = await processed();
    expect(locked.map((p) => p.item).sort((a, b) => a - b)).toEqual(duplicated);
    expect(new Set(locked.map((p) => p.path))).toEqual(new Set(['legacy']));
    expect(locked.every((p) => typeof p.token === 'number')).toBe(true);

    // Redis killed mid-run: items go on, one delivery each; the lock fails closed.
    const afterKill: number[] = [];
    for (let item = 61; item <= 120; item++) {
      if (item === 80) await redis.kill();
      const result = await deliver(apps[item % 3]!, item);
      expect(result.status).toBe('ok');
      if (item >= 80) afterKill.push(item);
    }
    const byItem = new Map<number, Processed[]>();
    for (const p of await processed()) byItem.set(p.item, [...(byItem.get(p.item) ?? []), p]);
    expect([...byItem.values()].filter((ps) => ps.length !== 1)).toEqual([]);
    expect(byItem.size).toBe(120);
    const unlocked = afterKill.filter((item) => byItem.get(item)?.[0]?.token === null);
    expect(unlocked).toEqual(afterKill);
    expect(afterKill.every((item) => byItem.get(item)?.[0]?.path === 'legacy')).toBe(true);
    const duringRedisOutage = await fleetStats();
    expect(sum(duringRedisOutage, (s) => s.lock.unavailable)).toBe(afterKill.length);
    expect(sum(duringRedisOutage, (s) => s.migration.lockUnavailable)).toBe(afterKill.length);
    await redis.restart();

    // PostgreSQL stopped for 10 s while items keep coming.
    const timed = async (from: number, until: number): Promise<{ items: number; ms: number[] }> => {
      const ms: number[] = [];
      let item = from;
      while (Date.now() < until) {
        const result = await deliver(apps[item % 3]!, item++);
        expect(result.status).toBe('ok');
        ms.push(result.ms);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return { items: item, ms };
    };
    const before = await timed(1000, Date.now() + 2000);
    await postgres.pause();
    const during = await timed(before.items, Date.now() + 10_000);
    await postgres.resume();
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    console.log(`caller latency: median ${median(before.ms).toFixed(1)} ms before, ${median(during.ms).toFixed(1)} ms while PostgreSQL was stopped (max ${Math.max(...during.ms).toFixed(1)} ms)`);
    expect(median(during.ms)).toBeLessThan(median(before.ms) * 2 + 20);
    expect(Math.max(...during.ms)).toBeLessThan(1000);
    const outage = await fleetStats();
    expect(sum(outage, (s) => s.store.spilled)).toBeGreaterThan(0);

    // Replayed: every record each process made is in PostgreSQL, none twice, none lost.
    await expect
      .poll(async () => (await fleetStats()).every((s) => s.store.available && s.store.replayed >= s.store.spilled && s.store.queued === 0), { timeout: 30_000, interval: 250 })
      .toBe(true);
    const closed = (await Promise.all(apps.map(async (app) => (await fetch(`http://127.0.0.1:${app.port}/close`, { method: 'POST' })).json()))) as Array<Pick<AppStats, 'outcomes' | 'store'>>;
    const report = await runCli(['report', '--migration', FLAG, '--store', postgres.url, '--json']);
    expect(report.code).toBe(0);
    const { summary } = JSON.parse(report.stdout) as { summary: { total: number; matches: number; mismatches: number; errors: number } };
    const recorded = (pick: (o: AppStats['outcomes']) => number): number => closed.reduce((total, c) => total + pick(c.outcomes), 0);
    expect(closed.map((c) => c.store.dropped + c.store.writeErrors)).toEqual([0, 0, 0]);
    expect(summary).toMatchObject({ total: recorded((o) => o.match + o.mismatch + o.error), matches: recorded((o) => o.match), mismatches: recorded((o) => o.mismatch) });
    expect(summary.mismatches).toBeGreaterThan(0);

    // Prometheus holds the same fleet: each instance's comparison counter is what that process recorded.
    const comparisons = `sum by (instance) (cutover_migration_comparisons_total{feature_flag_key="${FLAG}"})`;
    const perInstance = async (): Promise<Record<string, number>> => Object.fromEntries((await prometheus.query(comparisons)).map((s) => [s.metric.instance!, Number(s.value[1])]));
    const recordedBy = Object.fromEntries(apps.map((app, i) => [`127.0.0.1:${app.port}`, closed[i]!.outcomes.match + closed[i]!.outcomes.mismatch + closed[i]!.outcomes.error]));
    await expect.poll(perInstance, { timeout: 20_000, interval: 500 }).toEqual(recordedBy);

    // The guard judges match rate on every comparison the fleet made, read from PostgreSQL.
    const snapshot = await guardSource.snapshot();
    expect(snapshot.comparisons).toEqual({ total: summary.matches + summary.mismatches, matches: summary.matches });
    // One item in ten mismatches: far below a 99 % floor on hundreds of comparisons.
    const matchRate = evaluateGuard(snapshot, resolveGuardConfig({ minMatchRate: 0.99 })).checks.find((c) => c.criterion === 'match-rate');
    expect(matchRate).toMatchObject({ status: 'fail', observed: summary.matches / (summary.matches + summary.mismatches), sample: { candidate: summary.matches + summary.mismatches } });
  }, 180_000);
});
