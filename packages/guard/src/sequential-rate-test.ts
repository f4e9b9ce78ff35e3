import type { SequentialTestResult } from './guard-verdict.js';
import { mixtureEValue } from './mixture-e-value.js';

/** What {@link sequentialRateTest} needs. */
export interface SequentialRateTestInput {
  /** Counted events. */
  readonly events: number;
  /** Trials they are counted among. */
  readonly trials: number;
  /** Null hypothesis: the rate is at most this. */
  readonly nullRate: number;
  /** Significance level spent on this test. */
  readonly alpha: number;
  /** Which test it is, where a check runs several (`p95`, `paired sign`). */
  readonly label?: string;
}

/**
 * Tests "the rate is above `nullRate`" with the beta-mixture e-value and
 * reports its numbers. Valid however many times it is repeated as counts grow.
 */
export function sequentialRateTest(input: SequentialRateTestInput): SequentialTestResult {
  const { events, trials, nullRate, alpha, label } = input;
  const eValue = mixtureEValue(events, trials, nullRate);
  const boundary = 1 / alpha;
  return {
    events,
    trials,
    nullRate,
    eValue,
    pValue: Math.min(1, 1 / eValue),
    alpha,
    boundary,
    rejected: eValue >= boundary,
    ...(label === undefined ? {} : { label }),
  };
}
