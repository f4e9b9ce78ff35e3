import type { BucketingVersion } from '../hashing/bucketing.js';
import { unknownFlagdProperties } from '../targeting/flagd-properties.js';
import { TargetingRule } from '../targeting/targeting-rule.js';
import { targetingVariants } from './targeting-variants.js';

/**
 * One distinct targeting rule of a flag file: what it says of itself whatever
 * flag carries it (the variants it names literally; the `$flagd` properties
 * flagd does not set), judged once, and the one
 * {@link TargetingRule} every flag with this rule shares.
 */
export class DistinctRule {
  readonly unknownProperties: readonly string[];
  /** The variants it names literally, without where: `targetingVariants` with a path locates a wrong one. */
  readonly variants: readonly string[];
  private shared: TargetingRule | undefined;

  constructor(
    private readonly logic: unknown,
    text: string,
    private readonly bucketing: BucketingVersion,
  ) {
    // Only a rule whose text names `$flagd` can read a property flagd does not set.
    this.unknownProperties = text.includes('$flagd') ? unknownFlagdProperties(logic) : [];
    this.variants = targetingVariants(logic).map((reference) => reference.variant);
  }

  /** The shared rule; throws, at each call, when the rule uses an operator that does not exist. */
  rule(): TargetingRule {
    this.shared ??= new TargetingRule(this.logic, this.bucketing);
    return this.shared;
  }
}

/**
 * The distinct targeting rules of one flag file, by their JSON text: most
 * files reuse a few cohorts' rules, so each is judged and compiled once, and
 * the flag key is read from the evaluation, not baked in.
 */
export class FileRules {
  private readonly known = new Map<string, DistinctRule>();

  constructor(private readonly bucketing: BucketingVersion = 'v2') {}

  /** The distinct rule for `logic`, whose JSON is `text`. */
  of(logic: unknown, text: string): DistinctRule {
    let rule = this.known.get(text);
    if (rule === undefined) {
      rule = new DistinctRule(logic, text, this.bucketing);
      this.known.set(text, rule);
    }
    return rule;
  }
}
