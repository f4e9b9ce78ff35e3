import { dependenciesOf } from '@cutover/flag-model';
import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { FlagMetadata, FlagValue } from '@openfeature/server-sdk';
import { compileTargeting } from '../targeting/compile-targeting.js';
import type { CompiledTargeting } from '../targeting/compile-targeting.js';
import type { BucketingVersion } from '../hashing/bucketing.js';
import type { LayerResolution } from '../layer-resolution.js';
import type { FlagDefinition } from './flag-definition.js';

/** The OpenFeature type of a flag, from its variants. */
export type FlagType = 'boolean' | 'string' | 'number' | 'object';

/** How to compile a flag. */
export interface CompiledFlagOptions {
  /** Targeting with `$ref`s resolved. */
  readonly logic: unknown;
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

/**
 * A flag ready to evaluate. Everything that does not depend on the context is
 * computed once here: results without targeting, and one frozen result per
 * variant and reason, so an evaluation allocates nothing.
 */
export class CompiledFlag {
  readonly type: FlagType;
  readonly defaultVariant: string | null;
  readonly metadata: FlagMetadata;
  /** Keys of the flags this one depends on (`metadata.dependsOn`), empty for most flags. */
  readonly dependsOn: readonly string[];
  /** Identifies the definition: equal fingerprints, same behaviour (to report what a change touched). */
  readonly fingerprint: string;
  private readonly targeting: CompiledTargeting | undefined;
  private readonly untargeted: LayerResolution;
  private readonly matches = new Map<string, LayerResolution>();
  private readonly splits = new Map<string, LayerResolution>();
  private readonly byDefault: LayerResolution;

  constructor(
    readonly key: string,
    readonly definition: FlagDefinition,
    options: CompiledFlagOptions,
  ) {
    const { logic, metadata, bucketing = 'v2', unusableTargeting } = options;
    this.metadata = Object.freeze({ ...metadata });
    this.fingerprint = JSON.stringify([definition, this.metadata]);
    this.dependsOn = Object.freeze(dependenciesOf(definition));
    const variants = Object.keys(definition.variants);
    this.type = typeOf(definition.variants[variants[0]!]);
    this.defaultVariant = definition.defaultVariant ?? null;
    const hasTargeting = logic !== undefined && logic !== null && !(typeof logic === 'object' && Object.keys(logic).length === 0);
    this.targeting = hasTargeting && unusableTargeting === undefined ? compileTargeting(key, logic, bucketing) : undefined;
    for (const variant of variants) {
      this.matches.set(variant, this.result(variant, StandardResolutionReasons.TARGETING_MATCH));
      this.splits.set(variant, this.result(variant, StandardResolutionReasons.SPLIT));
    }
    this.byDefault = this.result(this.defaultVariant, StandardResolutionReasons.DEFAULT);
    this.untargeted =
      definition.state === 'DISABLED'
        ? freeze({ value: undefined, reason: StandardResolutionReasons.DISABLED, flagMetadata: this.metadata })
        : unusableTargeting !== undefined
          ? freeze(this.error(ErrorCode.PARSE_ERROR, `targeting of "${key}" cannot be evaluated: ${unusableTargeting}`))
          : this.result(this.defaultVariant, StandardResolutionReasons.STATIC);
  }

  /** Whether the flag has a targeting rule. */
  get targeted(): boolean {
    return this.targeting !== undefined;
  }

  /** Evaluates the flag for a context, with flagd's semantics. */
  evaluate(context: object): LayerResolution {
    if (!this.targeting || this.definition.state === 'DISABLED') return this.untargeted;
    let outcome;
    try {
      outcome = this.targeting(context);
    } catch (error) {
      return this.error(ErrorCode.GENERAL, `targeting of "${this.key}" failed: ${(error as Error).message}`);
    }
    const { result } = outcome;
    if (result === null || result === undefined) {
      if (!outcome.targetingKeyMissing) return this.byDefault;
      return freeze({ ...this.byDefault, flagMetadata: { ...this.metadata, warning: 'TARGETING_KEY_MISSING: fractional needs a targeting key; served the default variant' } });
    }
    const variant = String(result);
    const resolved = (outcome.split ? this.splits : this.matches).get(variant);
    return resolved ?? this.error(ErrorCode.GENERAL, `targeting of "${this.key}" returned "${variant}", which is not one of its variants`);
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
