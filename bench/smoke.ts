/**
 * True in smoke mode (`pnpm bench --smoke`, or `BENCH_SMOKE=1`): every suite
 * runs a few iterations of each measurement, so CI proves the benchmarks still
 * run without spending minutes on figures nobody reads. Targets are not judged.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** `full` normally, `smoke` in smoke mode: iteration counts, rounds, sizes. */
export function scaled(full: number, smoke: number): number {
  return SMOKE ? smoke : full;
}
