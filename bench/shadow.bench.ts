// The shadow path against LaunchDarkly's migrations, in one run: the CPU one
// shadow call costs (instant implementations, with and without the file
// store) next to LaunchDarkly's concurrent `createMigration` and one
// OpenFeature evaluation alone, and the caller's latency with a 2 ms legacy and
// a 20 ms candidate, each a backend service in a worker thread. Goals: Cutover's own CPU (the call minus one
// evaluation and the two implementations) ≤ 10 µs with the store on; the
// whole call ≤ 1.5× LaunchDarkly's; caller p50 ≤ 1.05× legacy alone, store on.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMigration, LDConcurrentExecution, LDMigrationStage, LDMigrationSuccess } from '@launchdarkly/node-server-sdk';
import type { LDClient } from '@launchdarkly/node-server-sdk';
import type { ComparisonRecord, ComparisonSink } from '@cutover/migrate';
import { FileComparisonStore, Migration } from '@cutover/migrate';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Client } from '@openfeature/server-sdk';
import { CutoverProvider } from '@cutover/provider';
import { cpuRounds } from './cpu-rounds.js';
import { startBackendServices } from './backend-service.js';
import { launchDarklyClient, launchDarklyFlag } from './peer-sdks.js';
import { scaled } from './smoke.js';

const FLAG = 'bench-shadow';
const STAGES = ['off', 'dualwrite', 'shadow', 'live', 'rampdown', 'complete'];
/** Calls in flight together, as requests of a busy service: below the runner's `maxInFlight`. */
const CONCURRENCY = 32;
const context = { targetingKey: 'chat-1042' };
const ldContext = { kind: 'user', key: 'chat-1042' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Counts what a migration records, so a batch can wait for its comparisons. */
class CountingSink implements ComparisonSink {
  recorded = 0;
  constructor(private readonly inner?: ComparisonSink) {}
  record(record: ComparisonRecord): Promise<void> {
    this.recorded++;
    return this.inner ? this.inner.record(record) : Promise.resolve();
  }
}

/** An OpenFeature client on a CutoverProvider serving the migration flag at `shadow` from a flag file, as an application would. */
async function shadowClient(directory: string): Promise<Client> {
  const file = join(directory, 'bench.flagd.json');
  await mkdir(directory, { recursive: true });
  await writeFile(file, JSON.stringify({ flags: { [FLAG]: { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow' }, defaultVariant: 'shadow' } } }));
  const silent = { error() {}, warn() {}, info() {}, debug() {} };
  const provider = new CutoverProvider({ files: [file], watch: false, env: {}, rollbackOverlay: false, logger: silent });
  await OpenFeature.setProviderAndWait('bench-shadow', provider);
  return OpenFeature.getClient('bench-shadow');
}

/** `calls` operations, `CONCURRENCY` at a time; `settle` runs after each wave. */
async function inWaves(calls: number, once: () => Promise<unknown>, settle?: () => Promise<void>): Promise<void> {
  const wave: Promise<unknown>[] = new Array<Promise<unknown>>(CONCURRENCY);
  for (let done = 0; done < calls; done += CONCURRENCY) {
    for (let i = 0; i < CONCURRENCY; i++) wave[i] = once();
    await Promise.all(wave);
    await settle?.();
  }
}

/**
 * A Cutover contender: each wave of calls, then its comparisons recorded
 * (the runner concludes them off the caller's path, in later turns), and at
 * the end every record written.
 */
function cutoverBatch(migration: Migration<number, number>, sink: CountingSink, store?: FileComparisonStore) {
  return async (calls: number): Promise<void> => {
    let expected = sink.recorded;
    await inWaves(
      calls,
      () => migration.read(1, context),
      async () => {
        expected += CONCURRENCY;
        while (sink.recorded < expected) await nextTurn();
      },
    );
    await store?.flush();
  };
}

async function cpuPerShadowCall(client: Client, ld: LDClient, directory: string): Promise<boolean> {
  const instant = async (n: number): Promise<number> => n;
  const withStore = new FileComparisonStore({ directory });
  const storeSink = new CountingSink(withStore);
  const bareSink = new CountingSink();
  const stored = new Migration<number, number>({ flagKey: FLAG, client, store: storeSink, read: { legacy: instant, candidate: instant } });
  const unstored = new Migration<number, number>({ flagKey: FLAG, client, store: bareSink, read: { legacy: instant, candidate: instant } });
  const ldMigration = createMigration<number, number, number, number>(ld, {
    execution: new LDConcurrentExecution(),
    readOld: async (n = 0) => LDMigrationSuccess(n),
    readNew: async (n = 0) => LDMigrationSuccess(n),
    writeOld: async (n = 0) => LDMigrationSuccess(n),
    writeNew: async (n = 0) => LDMigrationSuccess(n),
    check: (a, b) => a === b,
  });
  const names = {
    evaluation: 'one OpenFeature evaluation (getStringDetails)',
    implementations: 'the two implementations alone',
    store: 'Cutover Migration.read at shadow, file store',
    bare: 'Cutover Migration.read at shadow, no store',
    ld: 'LaunchDarkly createMigration read, concurrent',
  };
  const cpu = await cpuRounds('CPU per shadow call, instant implementations', [
    { name: names.evaluation, batch: (calls) => inWaves(calls, () => client.getStringDetails(FLAG, 'off', context)) },
    { name: names.implementations, batch: (calls) => inWaves(calls, () => Promise.all([instant(1), instant(1)])) },
    { name: names.store, batch: cutoverBatch(stored, storeSink, withStore) },
    { name: names.bare, batch: cutoverBatch(unstored, bareSink) },
    { name: names.ld, batch: (calls) => inWaves(calls, () => ldMigration.read(FLAG, ldContext, LDMigrationStage.Off, 1)) },
  ]);
  await withStore.close();
  const us = (name: string): number => cpu.get(name) ?? Number.NaN;
  const floor = us(names.evaluation) + us(names.implementations);
  const ownStore = us(names.store) - floor;
  const ownBare = us(names.bare) - floor;
  const ratio = us(names.store) / us(names.ld);
  const { dropped, writeErrors } = withStore.stats();
  console.log(`  Cutover's own CPU per shadow call: ${ownStore.toFixed(2)} µs with the store, ${ownBare.toFixed(2)} µs without (store dropped ${dropped}, write errors ${writeErrors})`);
  const ownOk = ownStore <= 10;
  const ratioOk = ratio <= 1.5;
  console.log(`  target own CPU per shadow call, store on: ${ownStore.toFixed(2)} µs (goal ≤ 10 µs) ${ownOk ? 'PASS' : 'MISS'}`);
  console.log(`  target shadow call vs LaunchDarkly concurrent: ${ratio.toFixed(2)}× (goal ≤ 1.5×) ${ratioOk ? 'PASS' : 'MISS'}`);
  return ownOk && ratioOk;
}

const percentile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** p50 and p95 of each contender's caller latency, sampled in interleaved rounds. */
async function latencyRounds(contenders: readonly { name: string; once: () => Promise<unknown> }[], rounds: number, perRound: number): Promise<Map<string, { p50: number; p95: number }>> {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const { name, once } of contenders) {
      // One call at a time: the earlier calls' candidates end, and are compared and stored, during later calls.
      for (let i = 0; i < perRound; i++) {
        const start = performance.now();
        await once();
        samples.get(name)?.push(performance.now() - start);
      }
    }
  }
  return new Map(
    [...samples].map(([name, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return [name, { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) }];
    }),
  );
}

type Read = (n: number) => Promise<number>;

/** Caller latency of each contender with the given legacy and candidate; returns Cutover-with-store's p50 over legacy alone's. */
async function callerLatency(client: Client, ld: LDClient, directory: string, label: string, legacy: Read, candidate: Read): Promise<number> {
  const store = new FileComparisonStore({ directory });
  const stored = new Migration<number, number>({ flagKey: FLAG, client, store, read: { legacy, candidate } });
  const unstored = new Migration<number, number>({ flagKey: FLAG, client, read: { legacy, candidate } });
  const ldMigration = createMigration<number, number, number, number>(ld, {
    execution: new LDConcurrentExecution(),
    readOld: async (n = 0) => LDMigrationSuccess(await legacy(n)),
    readNew: async (n = 0) => LDMigrationSuccess(await candidate(n)),
    writeOld: async (n = 0) => LDMigrationSuccess(n),
    writeNew: async (n = 0) => LDMigrationSuccess(n),
    check: (a, b) => a === b,
  });
  const names = { alone: 'legacy alone', store: 'Cutover shadow, file store', bare: 'Cutover shadow, no store', ld: 'LaunchDarkly createMigration, concurrent' };
  const rounds = scaled(15, 1);
  const latency = await latencyRounds(
    [
      { name: names.alone, once: () => legacy(1) },
      { name: names.store, once: () => stored.read(1, context) },
      { name: names.bare, once: () => unstored.read(1, context) },
      { name: names.ld, once: () => ldMigration.read(FLAG, ldContext, LDMigrationStage.Off, 1) },
    ],
    rounds,
    scaled(40, 4),
  );
  await sleep(50);
  await store.close();
  const alone = latency.get(names.alone) ?? { p50: Number.NaN, p95: Number.NaN };
  console.log(`\nshadow caller latency, legacy 2 ms, candidate 20 ms, ${label}, ${rounds} interleaved rounds of 40 sequential calls`);
  for (const [name, { p50, p95 }] of latency) {
    console.log(`  ${name.padEnd(44)} p50 ${p50.toFixed(2).padStart(6)} ms (${(p50 / alone.p50).toFixed(2)}×)   p95 ${p95.toFixed(2).padStart(6)} ms (${(p95 / alone.p95).toFixed(2)}×)`);
  }
  return (latency.get(names.store)?.p50 ?? Number.NaN) / alone.p50;
}

/**
 * The caller's latency with I/O-like implementations: two backend services
 * (worker threads) answering after 2 and 20 ms, which is what the goal
 * judges; then the same with in-process timers, printed for comparison.
 */
async function callerLatencies(client: Client, ld: LDClient, directory: string): Promise<boolean> {
  const services = await startBackendServices([2, 20]);
  let ratio: number;
  try {
    ratio = await callerLatency(client, ld, join(directory, 'io'), 'each a backend service (I/O)', (n) => services.call(0, n), (n) => services.call(1, n));
  } finally {
    await services.close();
  }
  const ok = ratio <= 1.05;
  console.log(`  target shadow caller p50 vs legacy alone, store on: ${ratio.toFixed(2)}× (goal ≤ 1.05×) ${ok ? 'PASS' : 'MISS'}`);
  const timers = await callerLatency(
    client, ld, join(directory, 'timers'), 'in-process timers',
    async (n) => (await sleep(2), n),
    async (n) => (await sleep(20), n),
  );
  console.log(`  (informative) with in-process timers: ${timers.toFixed(2)}× (the 20 ms candidates' pending timers move when the caller's 2 ms timer fires)`);
  return ok;
}

/** Runs the suite; true when every target is met. */
export async function run(): Promise<boolean> {
  const directory = await mkdtemp(join(tmpdir(), 'cutover-bench-'));
  const client = await shadowClient(join(directory, 'flags'));
  const ld = await launchDarklyClient([launchDarklyFlag(FLAG, STAGES, { variation: STAGES.indexOf('shadow') })]);
  try {
    const cpu = await cpuPerShadowCall(client, ld, join(directory, 'cpu'));
    const latency = await callerLatencies(client, ld, directory);
    return cpu && latency;
  } finally {
    ld.close();
    await OpenFeature.clearProviders();
    await rm(directory, { recursive: true, force: true });
  }
}
