// A failing full cutover, through the real pipeline: the runner at `complete`
// serving every caller, MigrationMetrics, the local registry source and the
// guard's verdict. Counts the failures callers see before the first
// `degraded` verdict, with the minimum sample fixed (as before it adapted to
// exposure) and adapted, with and without the fallback to legacy.
import { evaluateGuard, LocalRegistrySource } from '@cutover/guard';
import type { GuardSnapshot } from '@cutover/guard';
import { MigrationMetrics } from '@cutover/hooks';
import { Migration } from '@cutover/migrate';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { scaled } from './smoke.js';
import { Registry } from 'prom-client';
import { median } from './summary-figures.js';

const FLAG = 'agent.planner';
const RUNS = scaled(100, 3);
const MAX_CALLS = 2000;
/** The guard looks every this many calls (at 5 requests/s, its default 5 s interval would be 25). */
const EVERY = 5;
const quiet = { error() {}, warn() {}, info() {}, debug() {} };

/** mulberry32: a seeded stream per run, so every figure is reproducible. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  readonly label: string;
  readonly errorRate: number;
  readonly fallback: boolean;
  /** False: judge as if the minimum sample did not adapt (the snapshot without its exposure). */
  readonly adaptive: boolean;
}

interface Outcome {
  /** Calls made until the first degraded verdict (MAX_CALLS when none came). */
  readonly calls: number;
  /** Of those, the calls whose caller got an error. */
  readonly visible: number;
}

function withoutExposure({ windowSeconds, legacy, candidate, comparisons }: GuardSnapshot): GuardSnapshot {
  return { windowSeconds, legacy, candidate, ...(comparisons ? { comparisons } : {}) };
}

async function once(c: Case, run: number): Promise<Outcome> {
  const next = seeded(run * 7919 + Math.round(c.errorRate * 1000));
  const domain = `full-cutover-${run}`;
  await OpenFeature.setProviderAndWait(domain, new InMemoryProvider({ [FLAG]: { variants: { complete: 'complete' }, defaultVariant: 'complete', disabled: false } }));
  const metrics = new MigrationMetrics({ registry: new Registry(), logger: quiet });
  const migration = new Migration<number, number>({
    flagKey: FLAG,
    client: OpenFeature.getClient(domain),
    read: {
      legacy: (n) => n,
      candidate: (n) => {
        if (next() < c.errorRate) throw new Error('candidate failure');
        return n;
      },
    },
    logger: quiet,
    options: { fallbackToLegacy: c.fallback },
  });
  metrics.attach(migration);
  const source = new LocalRegistrySource({ metrics, flagKey: FLAG });
  let visible = 0;
  for (let call = 1; call <= MAX_CALLS; call++) {
    await migration.read(call).catch(() => visible++);
    if (call % EVERY !== 0) continue;
    const snapshot = await source.snapshot();
    if (evaluateGuard(c.adaptive ? snapshot : withoutExposure(snapshot)).status === 'degraded') return { calls: call, visible };
  }
  return { calls: MAX_CALLS, visible };
}


function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
}

/**
 * Prints the user-visible failures before rollback at 100 % traffic for each
 * case, and checks the goals: a hard-down candidate rolled back after at most
 * 10 visible failures (a tenth of the minimum sample), none with the fallback.
 */
export async function fullCutover(): Promise<boolean> {
  console.log(`\nfull cutover (stage complete, the candidate answers every caller), ${RUNS} runs per case, guard every ${EVERY} calls`);
  const cases: Case[] = [
    { label: 'hard down (100 % errors), fixed minimum sample', errorRate: 1, fallback: false, adaptive: false },
    { label: 'hard down (100 % errors), minimum sample adapted to exposure', errorRate: 1, fallback: false, adaptive: true },
    { label: 'hard down (100 % errors), adapted, fallbackToLegacy', errorRate: 1, fallback: true, adaptive: true },
    { label: '20 % errors, fixed minimum sample', errorRate: 0.2, fallback: false, adaptive: false },
    { label: '20 % errors, minimum sample adapted to exposure', errorRate: 0.2, fallback: false, adaptive: true },
    { label: '20 % errors, adapted, fallbackToLegacy', errorRate: 0.2, fallback: true, adaptive: true },
  ];
  const medians = new Map<string, number>();
  for (const c of cases) {
    const outcomes: Outcome[] = [];
    for (let run = 0; run < RUNS; run++) outcomes.push(await once(c, run));
    const visible = outcomes.map((o) => o.visible);
    const calls = outcomes.map((o) => o.calls);
    const caught = outcomes.filter((o) => o.calls < MAX_CALLS).length;
    medians.set(c.label, median(visible));
    console.log(
      `  ${c.label}: user-visible failures before rollback median ${median(visible)}, p95 ${p95(visible)}; ` +
        `calls to rollback median ${median(calls)}, p95 ${p95(calls)}; rolled back in ${caught} of ${RUNS} runs`,
    );
  }
  await OpenFeature.clearProviders();
  const hardDown = medians.get(cases[1]!.label)!;
  const withFallback = Math.max(medians.get(cases[2]!.label)!, medians.get(cases[5]!.label)!);
  const hardDownOk = hardDown <= 10;
  const fallbackOk = withFallback === 0;
  console.log(`  target user-visible failures before rollback, hard down at complete: ${hardDown} (goal ≤ 10) ${hardDownOk ? 'PASS' : 'MISS'}`);
  console.log(`  target user-visible failures before rollback with fallbackToLegacy: ${withFallback} (goal 0) ${fallbackOk ? 'PASS' : 'MISS'}`);
  return hardDownOk && fallbackOk;
}
