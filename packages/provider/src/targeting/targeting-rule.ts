import type { BucketingVersion } from '../hashing/bucketing.js';
import { checkOperators } from './check-operators.js';
import { compileTargeting } from './compile-targeting.js';
import type { CompiledTargeting, TargetingOutcome } from './compile-targeting.js';

/**
 * One targeting rule, checked when its file loads and compiled on its first
 * evaluation: a file of thousands of flags loads without compiling rules that
 * may never run, and flags with the same rule share one instance (see
 * `FileRules`), so it compiles once.
 */
export class TargetingRule {
  private compiled: CompiledTargeting | undefined;
  /** The rule as written, until it is compiled. */
  private logic: unknown;

  /** Throws when the rule uses an operator that does not exist. */
  constructor(
    logic: unknown,
    private readonly bucketing: BucketingVersion = 'v2',
  ) {
    checkOperators(logic);
    this.logic = logic;
  }

  /** Evaluates the rule for the flag `flagKey`; throws when the rule cannot be compiled or fails. */
  evaluate(flagKey: string, context: object): TargetingOutcome {
    this.compiled ??= this.compile();
    return this.compiled(flagKey, context);
  }

  /** The compiled rule; one that does not compile fails every evaluation alike, without compiling again. */
  private compile(): CompiledTargeting {
    try {
      return compileTargeting(this.logic, this.bucketing);
    } catch (cause) {
      const failure = new Error(`the rule does not compile: ${cause instanceof Error ? cause.message : JSON.stringify(cause)}`, { cause });
      return () => {
        throw failure;
      };
    } finally {
      this.logic = undefined;
    }
  }
}
