import { dependenciesOf, hasTargeting } from '@cutover/flag-model';
import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { FlagMetadata, FlagValue } from '@openfeature/server-sdk';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { TargetingRule } from '../targeting/targeting-rule.js';
import type { LayerResolution } from '../layer-resolution.js';
import type { FlagDefinition } from './flag-definition.js';

/** The OpenFeature type of a flag, from its variants. */
export type FlagType = 'boolean' | 'string' | 'number' | 'object';

/** How to compile a flag. */
export interface CompiledFlagOptions {
  /** Targeting with `$ref`s resolved. */
  readonly logic: unknown;
  /** The rule for `logic`, shared with the file's other flags that have the same one. @default a rule of its own */
  readonly rule?: TargetingRule;
  /** Flag-set metadata merged with the flag's, plus `source`. */
  readonly metadata: FlagMetadata;
  /** How `fractional` buckets. @default 'v2' */
  readonly bucketing?: BucketingVersion;
  /**
   * Why the targeting cannot run (a `$ref` left unresolved): every evaluation of
   * the enabled flag then fails with PARSE_ERROR, as in flagd, and the file's
   * other flags serve.
   */
  readonly unusableTargeting?: string;
}

/** No dependencies: the common case shares one array. */
const NO_DEPENDENCIES: readonly string[] = Object.freeze([]);

/**
 * A flag ready to evaluate. A file can hold thousands of flags, most of them
 * never evaluated by a given process, so a flag holds little more than its
 * definition: its rule compiles on first evaluation (and is shared by the
 * file's flags with the same rule), and each result, frozen, is made the first
 * time it is served and reused after, so an evaluation allocates nothing.
 */
export class CompiledFlag {
  readonly type: FlagType;
  readonly metadata: FlagMetadata;
  /** Keys of the flags this one depends on (`metadata.dependsOn`), empty for most flags. */
  readonly dependsOn: readonly string[];
  private readonly targeting: TargetingRule | undefined;
  private readonly unusableTargeting: string | undefined;
  /** The result without targeting (static and disabled flags), made on first use. */
  private untargetedResult: LayerResolution | undefined;
  /** Results by variant: `TARGETING_MATCH` ones, `SPLIT` ones, made on first use. */
  private matches: Map<string, LayerResolution> | undefined;
  private splits: Map<string, LayerResolution> | undefined;
  private byDefaultResult: LayerResolution | undefined;

  constructor(
    readonly key: string,
    readonly definition: FlagDefinition,
    options: CompiledFlagOptions,
  ) {
    const { logic, metadata, bucketing = 'v2', unusableTargeting } = options;
    this.metadata = Object.isFrozen(metadata) ? metadata : Object.freeze({ ...metadata });
    const dependsOn = dependenciesOf(definition);
    this.dependsOn = dependsOn.length === 0 ? NO_DEPENDENCIES : Object.freeze(dependsOn);
    let type: FlagType = 'object';
    for (const variant in definition.variants) {
      type = typeOf(definition.variants[variant]);
      break;
    }
    this.type = type;
    this.unusableTargeting = unusableTargeting;
    this.targeting = hasTargeting(logic) && unusableTargeting === undefined ? (options.rule ?? new TargetingRule(logic, bucketing)) : undefined;
  }

  /** The variant served when no rule decides, null for the caller's default. */
  get defaultVariant(): string | null {
    return this.definition.defaultVariant ?? null;
  }

  /**
   * Identifies the definition: equal fingerprints, same behaviour (to report
   * what a change touched). Computed when asked, which is when files change.
   */
  get fingerprint(): string {
    return JSON.stringify([this.definition, this.metadata]);
  }

  /** Whether the flag has a targeting rule. */
  get targeted(): boolean {
    return this.targeting !== undefined;
  }

  /** Evaluates the flag for a context, with flagd's semantics. */
  evaluate(context: object): LayerResolution {
    if (!this.targeting || this.definition.state === 'DISABLED') return (this.untargetedResult ??= this.untargeted());
    let outcome;
    try {
      outcome = this.targeting.evaluate(this.key, context);
    } catch (error) {
      return this.error(ErrorCode.GENERAL, `targeting of "${this.key}" failed: ${reasonOf(error)}`);
    }
    const { result } = outcome;
    if (result === null || result === undefined) {
      const byDefault = (this.byDefaultResult ??= this.result(this.defaultVariant, StandardResolutionReasons.DEFAULT));
      if (!outcome.targetingKeyMissing) return byDefault;
      return freeze({ ...byDefault, flagMetadata: { ...this.metadata, warning: 'TARGETING_KEY_MISSING: fractional needs a targeting key; served the default variant' } });
    }
    // A rule can hand back an object from the context, which names no variant (and whose String() may throw).
    if (typeof result === 'object') return this.error(ErrorCode.GENERAL, `targeting of "${this.key}" returned ${Array.isArray(result) ? 'an array' : 'an object'}, not a variant name`);
    const variant = String(result);
    const results = outcome.split ? (this.splits ??= new Map()) : (this.matches ??= new Map());
    let resolved = results.get(variant);
    if (!resolved && Object.hasOwn(this.definition.variants, variant)) {
      resolved = this.result(variant, outcome.split ? StandardResolutionReasons.SPLIT : StandardResolutionReasons.TARGETING_MATCH);
      results.set(variant, resolved);
    }
    return resolved ?? this.error(ErrorCode.GENERAL, `targeting of "${this.key}" returned "${variant}", which is not one of its variants`);
  }

  private untargeted(): LayerResolution {
    if (this.definition.state === 'DISABLED') return freeze({ value: undefined, reason: StandardResolutionReasons.DISABLED, flagMetadata: this.metadata });
    if (this.unusableTargeting !== undefined) return freeze(this.error(ErrorCode.PARSE_ERROR, `targeting of "${this.key}" cannot be evaluated: ${this.unusableTargeting}`));
    return this.result(this.defaultVariant, StandardResolutionReasons.STATIC);
  }

  private result(variant: string | null, reason: string): LayerResolution {
    if (variant === null) return freeze({ value: undefined, reason: StandardResolutionReasons.DEFAULT, flagMetadata: this.metadata });
    return freeze({ value: deepFreeze(this.definition.variants[variant]), variant, reason, flagMetadata: this.metadata });
  }

  private error(errorCode: ErrorCode, errorMessage: string): LayerResolution {
    return { value: undefined, reason: StandardResolutionReasons.ERROR, errorCode, errorMessage, flagMetadata: this.metadata };
  }
}

function typeOf(value: FlagValue | undefined): FlagType {
  const type = typeof value;
  return type === 'boolean' || type === 'string' || type === 'number' ? type : 'object';
}

function freeze(resolution: LayerResolution): LayerResolution {
  return Object.freeze(resolution);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** What a failed evaluation threw, in words; never throws itself (the engine may throw a plain object, or one that cannot be printed). */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  } catch {
    return 'an unprintable value';
  }
}
