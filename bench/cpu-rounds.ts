import { SMOKE } from './smoke.js';

/** One contender of {@link cpuRounds}: `calls` operations run by `batch`, which resolves when all their work is done. */
export interface CpuContender {
  readonly name: string;
  /** Runs `calls` operations and resolves when their work, off the caller's path included, is done. */
  readonly batch: (calls: number) => Promise<void>;
}

/** Options of {@link cpuRounds}. */
export interface CpuRoundsOptions {
  /** Interleaved rounds; each contender's median is kept. @default 9 */
  readonly rounds?: number;
  /** Operations per contender per round. @default 20000 */
  readonly calls?: number;
}

/** Median CPU time per operation of each contender, in µs, by name. */
export type CpuPerCall = ReadonlyMap<string, number>;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

/**
 * Measures the process's CPU time (user + system, every thread: the file
 * writes of the thread pool and the garbage collector count) per operation.
 * CPU rather than wall time: work deferred to a timer is counted, time idle
 * waiting for it is not. Contenders run in interleaved rounds, rotated, and
 * each keeps its median, so a burst of load on shared cores hurts one round
 * of every contender instead of the whole measurement of one.
 */
export async function cpuRounds(title: string, contenders: readonly CpuContender[], options: CpuRoundsOptions = {}): Promise<CpuPerCall> {
  const rounds = SMOKE ? 1 : (options.rounds ?? 9);
  const calls = SMOKE ? 200 : (options.calls ?? 20_000);
  for (const contender of contenders) await contender.batch(SMOKE ? 50 : calls / 4);
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(i + round) % contenders.length] as CpuContender;
      const start = process.cpuUsage();
      await contender.batch(calls);
      const { user, system } = process.cpuUsage(start);
      samples.get(contender.name)?.push((user + system) / calls);
    }
  }
  const medians = new Map([...samples].map(([name, values]) => [name, median(values)]));
  console.log(`\n${title} (CPU µs per call, median of ${rounds} interleaved rounds of ${calls})`);
  const baseline = medians.get(contenders[0]?.name ?? '') ?? 1;
  for (const [name, us] of medians) console.log(`  ${name.padEnd(56)} ${us.toFixed(2).padStart(8)} µs   ${(us / baseline).toFixed(2)}×`);
  return medians;
}
