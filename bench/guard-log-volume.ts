// How many bytes a guard logs in a day at the default 5 s interval: before
// (one line per verdict, what the guard used to write) and now (on change,
// plus a summary every 15 minutes). Simulated with a fake clock over one day
// of steady traffic; called from guard.bench.ts.
import { Guard, LocalRegistrySource } from '@cutover/guard';
import type { GuardVerdict } from '@cutover/guard';
import { MigrationMetrics } from '@cutover/hooks';
import type { RollbackResult } from '@cutover/rollback';
import type { Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';

const FLAG = 'search.engine';
const DAY_MS = 24 * 3600 * 1000;

/** One simulated day; `candidateRuns` false is a flag at `off` (nothing to judge, holding all day). */
async function day(candidateRuns: boolean): Promise<{ before: number; after: number; lines: number }> {
  const metrics = new MigrationMetrics({ registry: new Registry() });
  const clock = { now: 0 };
  let after = 0;
  let lines = 0;
  const count = (message: unknown): void => {
    after += Buffer.byteLength(`${String(message)}\n`);
    lines++;
  };
  const logger: Logger = { error: count, warn: count, info: count, debug: () => {} };
  let before = 0;
  const description = `local registry, flag "${FLAG}"`;
  // The line the guard wrote for every verdict before it logged on change only.
  const everyVerdict = (verdict: GuardVerdict): void => {
    const line = `cutover guard "${FLAG}": ${verdict.status} over ${verdict.windowSeconds.toFixed(1)} s of ${description}: ${verdict.checks.map((c) => c.summary).join(' | ')}`;
    before += Buffer.byteLength(`info ${line}\n`);
  };
  const rollback = { rollback: (): Promise<RollbackResult> => Promise.reject(new Error('a healthy day rolls nothing back')) };
  const source = new LocalRegistrySource({ metrics, flagKey: FLAG, now: () => clock.now });
  const guard = new Guard({ flagKey: FLAG, source, rollback, logger, metrics, now: () => clock.now, onVerdict: everyVerdict });
  guard.restartWindow();
  const ticks = DAY_MS / guard.config.intervalMs;
  for (let tick = 0; tick < ticks; tick++) {
    clock.now += guard.config.intervalMs;
    // 20 requests per tick (4 per second), both paths in shadow; legacy alone at off.
    for (let i = 0; i < 20; i++) {
      const failed = (tick * 20 + i) % 100 === 0;
      metrics.recordCall(FLAG, 'legacy', failed ? 'error' : 'success', 0.04 + (i % 7) / 100);
      if (candidateRuns) metrics.recordCall(FLAG, 'candidate', failed ? 'error' : 'success', 0.04 + (i % 5) / 100);
    }
    await guard.evaluateNow();
  }
  return { before, after, lines };
}

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

/** Prints log bytes per day before and after; false when a goal is missed. */
export async function runLogVolume(): Promise<boolean> {
  console.log(`\nguard log volume over one simulated day at the default 5 s interval (17 280 verdicts)`);
  let ok = true;
  for (const [label, candidateRuns] of [['shadow, healthy', true], ['off, holding (nothing to judge)', false]] as const) {
    const { before, after, lines } = await day(candidateRuns);
    console.log(`  ${label}: before ${megabytes(before)} a day (one line per verdict, ${Math.round(before / 17_280)} bytes each); now ${megabytes(after)} in ${lines} lines`);
    const target = after * 100 <= before;
    console.log(`  target log volume ${label}: ${megabytes(after)} (goal ≤ 1 % of ${megabytes(before)}) ${target ? 'PASS' : 'MISS'}`);
    ok = target && ok;
  }
  return ok;
}
