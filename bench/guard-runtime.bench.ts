// Runtime cost of the guard's wiring: MigrationMetrics per runner call, one
// guard evaluation on the local registry (snapshot + statistics).
//
// MigrationMetrics' own work per call is the cost of recording each event the
// runner emits (2 per call at `off`, 4 at `shadow`), measured directly in
// large batches, which stays stable on a loaded machine; the end-to-end
// runner calls (no listener, an empty listener, MigrationMetrics) are printed
// too, as medians of interleaved rounds, but their differences drown in noise
// under load. Goal: own work ≤ 10 % of a runner call with an empty listener.
import { MigrationMetrics } from '@cutover/hooks';
import { evaluateGuard, LocalRegistrySource, resolveGuardConfig } from '@cutover/guard';
import { Migration } from '@cutover/migrate';
import type { MigrationEvent } from '@cutover/migrate';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { compare, target } from './compare.js';
import { median } from './summary-figures.js';

const FLAG = 'bench-guard';
const ROUNDS = 5;
type Listening = 'none' | 'empty' | 'metrics';

async function migrationAt(stage: string, listening: Listening): Promise<Migration<number, number>> {
  const domain = `bench-guard-${stage}-${listening}`;
  await OpenFeature.setProviderAndWait(domain, new InMemoryProvider({ [FLAG]: { variants: { [stage]: stage }, defaultVariant: stage, disabled: false } }));
  const migration = new Migration<number, number>({ flagKey: FLAG, client: OpenFeature.getClient(domain), read: { legacy: (n) => n, candidate: (n) => n } });
  if (listening === 'metrics') new MigrationMetrics({ registry: new Registry() }).attach(migration);
  if (listening === 'empty') migration.subscribe(() => {});
  return migration;
}


/** The events one call at `stage` emits, captured from a real runner. */
async function eventsOfOneCall(stage: string): Promise<MigrationEvent[]> {
  const migration = await migrationAt(stage, 'none');
  const events: MigrationEvent[] = [];
  migration.subscribe((event) => events.push(event));
  await migration.read(1, { targetingKey: 'chat-1' });
  // The off-path run and the comparison settle after the call returns.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return events;
}

async function runnerOverhead(stage: string): Promise<boolean> {
  const listeners: Listening[] = ['none', 'empty', 'metrics'];
  const migrations = await Promise.all(listeners.map((l) => migrationAt(stage, l)));
  const context = { targetingKey: 'chat-1' };
  const contenders = listeners.map((l, i) => ({ name: `runner at ${stage}, ${l === 'metrics' ? 'MigrationMetrics' : `${l} listener`}`, run: () => migrations[i]!.read(1, context) }));
  const samples = new Map(contenders.map((c) => [c.name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotated each round so no contender always runs first (warm-up) or last.
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    const rows = await compare(`runner call at ${stage}, round ${round + 1}/${ROUNDS}`, order, { time: 300, batch: 200 });
    for (const row of rows) samples.get(row.name)?.push(row.nsPerOp);
  }
  const [none, empty, metered] = contenders.map((c) => median(samples.get(c.name) ?? [])) as [number, number, number];

  const events = await eventsOfOneCall(stage);
  const metrics = new MigrationMetrics({ registry: new Registry() });
  const [recorded] = await compare(`MigrationMetrics recording the ${events.length} events of one call at ${stage}`, [
    { name: `observe × ${events.length}`, run: () => { for (const event of events) metrics.observe(event); } },
  ], { batch: 10_000 });
  const own = recorded!.nsPerOp;
  console.log(
    `\nat ${stage}: runner call medians of ${ROUNDS} rounds: no listener ${(none / 1000).toFixed(1)} µs, empty listener ${(empty / 1000).toFixed(1)} µs, ` +
      `MigrationMetrics ${(metered / 1000).toFixed(1)} µs (end to end, noisy); MigrationMetrics' own work ${own.toFixed(0)} ns per call`,
  );
  return target(`MigrationMetrics own work per runner call at ${stage}`, (empty + own) / empty, 1.1);
}

async function guardEvaluation(): Promise<void> {
  const metrics = new MigrationMetrics({ registry: new Registry() });
  for (let i = 0; i < 10_000; i++) metrics.recordCall(FLAG, i % 2 ? 'legacy' : 'candidate', i % 50 ? 'success' : 'error', (i % 500) / 1000);
  const source = new LocalRegistrySource({ metrics, flagKey: FLAG });
  const config = resolveGuardConfig();
  await compare('one guard evaluation (60 latency buckets per path)', [
    { name: 'local snapshot', run: () => source.snapshot() },
    { name: 'local snapshot + evaluateGuard', run: async () => evaluateGuard(await source.snapshot(), config) },
  ], { batch: 50 });
}

/** Runs the suite; true when every target is met. */
export async function run(): Promise<boolean> {
  const off = await runnerOverhead('off');
  const shadow = await runnerOverhead('shadow');
  await guardEvaluation();
  await OpenFeature.clearProviders();
  return off && shadow;
}
