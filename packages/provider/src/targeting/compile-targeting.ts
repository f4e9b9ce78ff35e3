import { evaluationScratch } from './evaluation-scratch.js';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { flagdPath } from './flagd-properties.js';
import { targetingEngine } from './targeting-engine.js';
import { FLAG_KEY_OPERATOR, FLAGD_OPERATOR, NOW_OPERATOR } from './targeting-operators.js';

/** The outcome of a flag's targeting for one context. */
export interface TargetingOutcome {
  /** The rule's result: a variant name, or null/undefined for "serve the default". */
  readonly result: unknown;
  /** A `fractional` operator chose the result. */
  readonly split: boolean;
  /** A `fractional` operator had no targeting key to bucket on. */
  readonly targetingKeyMissing: boolean;
}

/** A compiled targeting rule, for the flag of the given key. */
export type CompiledTargeting = (flagKey: string, context: object) => TargetingOutcome;

/**
 * Compiles a targeting rule (with `$ref`s already resolved). flagd exposes
 * `$flagd.flagKey` and `$flagd.timestamp` to rules; flagd-core copies the whole
 * context on every evaluation to add them. We read them through operators
 * instead (the flag key from the evaluation's scratch record, the clock when
 * asked), so the caller's context is used as it is, and flags with the same
 * rule can share one compiled function: the cost of an evaluation no longer
 * grows with the number of context attributes.
 */
export function compileTargeting(logic: unknown, bucketing: BucketingVersion = 'v2'): CompiledTargeting {
  const rule = targetingEngine(bucketing).build(bindFlagd(logic)) as (context: object) => unknown;
  return (flagKey, context) => {
    evaluationScratch.reset(flagKey);
    const result = rule(context);
    return { result, split: evaluationScratch.split, targetingKeyMissing: evaluationScratch.targetingKeyMissing };
  };
}

function bindFlagd(logic: unknown): unknown {
  if (Array.isArray(logic)) return logic.map(bindFlagd);
  if (logic === null || typeof logic !== 'object') return logic;
  const entries = Object.entries(logic as Record<string, unknown>);
  if (entries.length === 1) {
    const [operator, args] = entries[0]!;
    if (operator === 'var') {
      const path = flagdPath(args);
      if (path === '$flagd.flagKey') return { [FLAG_KEY_OPERATOR]: [] };
      if (path === '$flagd.timestamp') return { [NOW_OPERATOR]: [] };
      if (path === '$flagd') return { [FLAGD_OPERATOR]: [] };
      // flagd sets no other property: reading one gives the var's default, or null.
      if (path !== undefined) return Array.isArray(args) && args.length > 1 ? bindFlagd(args[1]) : null;
    }
    if (operator === 'fractional' && Array.isArray(args)) {
      return { fractional: [{ [FLAG_KEY_OPERATOR]: [] }, ...args.map(bindFlagd)] };
    }
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, bindFlagd(value)]));
}
