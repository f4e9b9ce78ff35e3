import type { GuardConfig } from './guard-config.js';
import type { SequentialTestResult } from './guard-verdict.js';
import { sequentialRateTest } from './sequential-rate-test.js';

/**
 * The sequential test of "`events` of `trials` is a rate above `nullRate`",
 * at the configured significance, or null while `trials` is under the minimum
 * sample: the shape of every one-sample criterion (error rate, match rate,
 * success rate).
 */
export function rateTestOnceEnough(events: number, trials: number, nullRate: number, config: GuardConfig): SequentialTestResult | null {
  return trials >= config.minSample ? sequentialRateTest({ events, trials, nullRate, alpha: config.significance }) : null;
}
