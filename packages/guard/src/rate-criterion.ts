import type { GuardConfig } from './guard-config.js';
import type { CriterionReading, GuardCriterionRule, GuardLimit } from './guard-criterion-rule.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import { sanitizeCount } from './sanitize-count.js';

/** Counts of a rate as a snapshot holds them: `hits` out of `trials`, either possibly absent. */
export interface RateCounts {
  readonly trials: number | undefined;
  readonly hits: number | undefined;
}

/** The figures of a one-sample rate criterion. */
export interface RateReading extends CriterionReading {
  /** Legacy's rate of the same kind, when the criterion reports it. */
  readonly legacyRate: number | null;
}

/** What a one-sample rate criterion is made of. */
export interface RateCriterionSpec {
  /** `max`: the rate of hits must stay at or below the limit; `min`: at or above it. */
  readonly direction: 'max' | 'min';
  /** The option holding the limit on the rate. */
  readonly limit: GuardLimit;
  /** The candidate's counts; undefined when the snapshot has no input for the criterion. */
  readonly counts: (snapshot: GuardSnapshot) => RateCounts | undefined;
  /** Legacy's counts, reported beside the candidate's but not compared. */
  readonly legacy?: (snapshot: GuardSnapshot) => RateCounts | undefined;
  /** Name the events tested (hits for `max`, misses for `min`) go by in the check's details. */
  readonly events: string;
  /** The figures in words. */
  readonly describe: (reading: RateReading, config: GuardConfig) => string;
}

/**
 * A criterion on one rate of the candidate against an absolute limit (error
 * rate, match rate, success rate). Tests the null "the events' rate is at most
 * what the limit allows": the limit itself for `max`, 1 − limit for `min`.
 */
export function rateCriterion(spec: RateCriterionSpec): GuardCriterionRule<RateReading> {
  const { direction, limit, events: eventsName } = spec;
  return {
    direction,
    limit,
    read(snapshot, config) {
      const counts = spec.counts(snapshot);
      const { trials, hits } = sanitizeRate(counts);
      const events = direction === 'max' ? hits : trials - hits;
      const nullRate = direction === 'max' ? config[limit] : 1 - config[limit];
      const legacy = spec.legacy?.(snapshot);
      const legacyRate = spec.legacy ? rateOf(legacy) : null;
      return {
        observed: rateOf(counts),
        sample: { candidate: trials, legacy: legacy ? sanitizeCount(legacy.trials) : null, minimum: config.minSample },
        present: counts !== undefined,
        test: trials >= config.minSample ? { events, trials, nullRate, alpha: config.significance } : null,
        details: spec.legacy ? { [eventsName]: events, legacyRate } : { [eventsName]: events },
        legacyRate,
      };
    },
    describe: spec.describe,
  };
}

function sanitizeRate(counts: RateCounts | undefined): { trials: number; hits: number } {
  const trials = sanitizeCount(counts?.trials);
  return { trials, hits: Math.min(sanitizeCount(counts?.hits), trials) };
}

function rateOf(counts: RateCounts | undefined): number | null {
  const { trials, hits } = sanitizeRate(counts);
  return trials > 0 ? hits / trials : null;
}
