import { InvalidArgumentError } from 'commander';

/** The cleanup rule's thresholds: how long the flag has been complete, and how well the candidate matched. */
export interface CleanupThresholds {
  /** Days the flag must have been `complete` (and the comparisons counted before it). @default 7 */
  readonly stableDays: number;
  /** Lowest acceptable match rate, from 0 to 1. @default 0.99 */
  readonly minMatchRate: number;
}

/** The rule as documented: 7 stable days at 99 % or better. */
export const DEFAULT_CLEANUP_THRESHOLDS: CleanupThresholds = Object.freeze({ stableDays: 7, minMatchRate: 0.99 });

/** `--stable-days 14`: a positive number of days (fractions allowed, for a drill). */
export function parseStableDays(value: string): number {
  const days = Number(value);
  if (value.trim() === '' || !Number.isFinite(days) || days < 0) throw new InvalidArgumentError('a number of days, 0 or more (e.g. 7, 14)');
  return days;
}

/** `--min-match-rate 99.5` or `99.5%`: a percentage from 0 to 100, returned as a rate from 0 to 1. */
export function parseMatchRate(value: string): number {
  const percent = Number(value.trim().replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) throw new InvalidArgumentError('a percentage from 0 to 100 (e.g. 99, 99.5%)');
  return percent / 100;
}
