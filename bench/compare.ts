import { Bench } from 'tinybench';
import { SMOKE } from './smoke.js';

/** One contender in a comparison: a name and a synchronous or async operation. */
export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  /** Operations per timed sample; batching keeps timer overhead out of sub-microsecond figures. @default 1000 */
  readonly batch?: number;
  /** Time spent measuring each contender, in ms. @default 1000 */
  readonly time?: number;
}

/** What {@link compare} measured for one contender. */
export interface Measured {
  readonly name: string;
  /** Median nanoseconds per operation. */
  readonly nsPerOp: number;
  /** Ratio to the baseline (the first contender): < 1 is faster. */
  readonly ratio: number;
}

/**
 * Measures contenders in the same run and prints ns/op and the ratio of each to
 * the first one. tinybench times samples; we batch operations inside a sample
 * because a single flag evaluation is shorter than the timer's resolution.
 */
export async function compare(title: string, contenders: readonly Contender[], options: CompareOptions = {}): Promise<Measured[]> {
  // Smoke mode proves the suite runs: a few short samples, figures meaningless.
  const batch = SMOKE ? Math.min(options.batch ?? 1000, 10) : (options.batch ?? 1000);
  const bench = SMOKE ? new Bench({ time: 1, iterations: 3, warmupTime: 0, warmupIterations: 1 }) : new Bench({ time: options.time ?? 1000, warmupTime: 200 });
  for (const { name, run } of contenders) {
    const probe = run();
    if (probe instanceof Promise) {
      bench.add(name, async () => {
        for (let i = 0; i < batch; i++) await run();
      });
    } else {
      bench.add(name, () => {
        for (let i = 0; i < batch; i++) run();
      });
    }
  }
  await bench.run();
  const measured = bench.tasks.map((task) => {
    const result = task.result as { latency?: { p50: number } } | undefined;
    if (!result?.latency) throw new Error(`benchmark "${task.name}" did not complete`);
    return { name: task.name, nsPerOp: (result.latency.p50 * 1e6) / batch };
  });
  const baseline = measured[0]?.nsPerOp ?? 1;
  const rows = measured.map((m) => ({ ...m, ratio: m.nsPerOp / baseline }));
  console.log(`\n${title}`);
  for (const row of rows) {
    console.log(`  ${row.name.padEnd(48)} ${row.nsPerOp.toFixed(1).padStart(10)} ns/op   ${row.ratio.toFixed(2)}×`);
  }
  return rows;
}

/** Prints a target line: the measured ratio against its goal, PASS or MISS. */
export function target(label: string, ratio: number, goal: number): boolean {
  const ok = ratio <= goal;
  console.log(`  target ${label}: ${ratio.toFixed(2)}× (goal ≤ ${goal}×) ${ok ? 'PASS' : 'MISS'}`);
  return ok;
}
