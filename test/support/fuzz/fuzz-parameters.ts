import type { Parameters } from 'fast-check';

/**
 * A property's runs and seed: `numRuns` always (the suite's time is
 * bounded), the seed from CUTOVER_FUZZ_SEED to replay a failure, else a new
 * one each run. fast-check prints the seed and path of a failure.
 */
export function fuzzParameters<T>(numRuns: number): Parameters<T> {
  const given = process.env.CUTOVER_FUZZ_SEED;
  return { numRuns, seed: given === undefined ? Date.now() % 2 ** 31 : Number(given), endOnFailure: true };
}
