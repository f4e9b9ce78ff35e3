import { evaluationScratch } from './evaluation-scratch.js';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { flagdPath } from './flagd-properties.js';
import { FLAGD_OPERATOR, NOW_OPERATOR, targetingEngine } from './targeting-engine.js';

/** The outcome of a flag's targeting for one context. */
export interface TargetingOutcome {
  /** The rule's result: a variant name, or null/undefined for "serve the default". */
  readonly result: unknown;
  /** A `fractional` operator chose the result. */
  readonly split: boolean;
  /** A `fractional` operator had no targeting key to bucket on. */
  readonly targetingKeyMissing: boolean;
}

/** A compiled targeting rule. */
export type CompiledTargeting = (context: object) => TargetingOutcome;

/**
 * Compiles a flag's targeting (with `$ref`s already resolved). flagd exposes
 * `$flagd.flagKey` and `$flagd.timestamp` to rules; flagd-core copies the whole
 * context on every evaluation to add them. We bake the flag key into the rule
 * instead (a literal, and the first argument of `fractional`) and read the
 * clock through an operator, so the caller's context is used as it is: the cost
 * of an evaluation no longer grows with the number of context attributes.
 */
export function compileTargeting(flagKey: string, logic: unknown, bucketing: BucketingVersion = 'v2'): CompiledTargeting {
  const engine = targetingEngine(bucketing);
  const bound = bindFlagd(flagKey, logic);
  checkOperators(bound, engine.methods);
  const rule = engine.build(bound) as (context: object) => unknown;
  return (context) => {
    evaluationScratch.reset();
    const result = rule(context);
    return { result, split: evaluationScratch.split, targetingKeyMissing: evaluationScratch.targetingKeyMissing };
  };
}

function bindFlagd(flagKey: string, logic: unknown): unknown {
  if (Array.isArray(logic)) return logic.map((item) => bindFlagd(flagKey, item));
  if (logic === null || typeof logic !== 'object') return logic;
  const entries = Object.entries(logic as Record<string, unknown>);
  if (entries.length === 1) {
    const [operator, args] = entries[0]!;
    if (operator === 'var') {
      const path = flagdPath(args);
      if (path === '$flagd.flagKey') return flagKey;
      if (path === '$flagd.timestamp') return { [NOW_OPERATOR]: [] };
      if (path === '$flagd') return { [FLAGD_OPERATOR]: [flagKey] };
      // flagd sets no other property: reading one gives the var's default, or null.
      if (path !== undefined) return Array.isArray(args) && args.length > 1 ? bindFlagd(flagKey, args[1]) : null;
    }
    if (operator === 'fractional' && Array.isArray(args)) {
      return { fractional: [flagKey, ...args.map((item) => bindFlagd(flagKey, item))] };
    }
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, bindFlagd(flagKey, value)]));
}

/**
 * Refuses an operator the engine does not define itself. The engine looks
 * operators up in a plain object, so `toString`, `constructor` or
 * `hasOwnProperty` would be found on its prototype and compile into a rule
 * that answers a promise, which then rejects unhandled and can end the process.
 */
function checkOperators(logic: unknown, methods: object): void {
  if (Array.isArray(logic)) {
    for (const item of logic) checkOperators(item, methods);
    return;
  }
  if (logic === null || typeof logic !== 'object') return;
  const entries = Object.entries(logic);
  if (entries.length === 1 && !Object.hasOwn(methods, entries[0]![0])) throw new Error(`unknown operator "${entries[0]![0]}"`);
  for (const [, value] of entries) checkOperators(value, methods);
}

