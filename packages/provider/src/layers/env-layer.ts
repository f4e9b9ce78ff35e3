import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk';
import type { EvaluationContext, FlagValue } from '@openfeature/server-sdk';
import type { Bucketing } from '../hashing/bucketing.js';
import type { FlagType } from '../flags/compiled-flag.js';
import type { Layer } from '../layer.js';
import type { LayerResolution } from '../layer-resolution.js';
import type { EnvMappedFlag } from './env-mapped-flag.js';
import { envName, parseEnvValue } from './env-value.js';
import { staticResolution } from './static-resolution.js';

/** What the environment says about one flag. */
interface EnvFlag {
  readonly name: string;
  readonly value?: string;
  readonly targets?: ReadonlySet<string>;
  readonly percent?: string;
}

/**
 * Flags from environment variables, for deployments that roll out by env: `FF_KEY=value` for everyone, or
 * a canary: `FF_KEY_TARGETS=id1,id2` (listed targeting keys) and
 * `FF_KEY_PERCENT=10` (hashed exactly as a flag file's `fractional`, so an id
 * keeps its side when the rollout moves into a file). In a canary `FF_KEY`
 * gives the canary's value (`true` for a boolean flag when absent) and
 * everyone else passes to the next layer.
 *
 * A flag declared in the provider's `envFlags` is read from the team's own
 * variables instead (see `EnvFlagMapping`), never from the prefix. Without a
 * prefix (`envPrefix: false`) only declared flags are read: a flag key alone
 * must never select an arbitrary process variable (`path` is not `$PATH`).
 */
export class EnvLayer implements Layer {
  readonly name = 'env';
  private readonly cache = new Map<string, EnvFlag | null>();

  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly prefix: string | false;
  private readonly bucketing: Bucketing;
  private readonly mapped: ReadonlyMap<string, EnvMappedFlag>;

  constructor(options: {
    env: Readonly<Record<string, string | undefined>>;
    prefix: string | false;
    bucketing: Bucketing;
    /** The flags read from the team's own variables, by key. */
    mapped?: ReadonlyMap<string, EnvMappedFlag>;
  }) {
    this.env = options.env;
    this.prefix = options.prefix;
    this.bucketing = options.bucketing;
    this.mapped = options.mapped ?? new Map();
  }

  resolve(flagKey: string, context: EvaluationContext, type: FlagType): LayerResolution | undefined {
    const mapped = this.mapped.get(flagKey);
    if (mapped) return mapped.resolve(context);
    const flag = this.lookup(flagKey);
    if (!flag) return undefined;
    const canary = flag.targets !== undefined || flag.percent !== undefined;
    if (!canary) return this.answer(flag, flag.value!, type, StandardResolutionReasons.STATIC);
    const key = context.targetingKey;
    if (key === undefined) return undefined;
    const onValue = flag.value ?? (type === 'boolean' ? 'true' : undefined);
    if (onValue === undefined) return error(ErrorCode.PARSE_ERROR, `${flag.name}_TARGETS/_PERCENT need ${flag.name} to give the canary's value`);
    if (flag.targets?.has(key)) return this.answer(flag, onValue, type, StandardResolutionReasons.TARGETING_MATCH);
    if (flag.percent === undefined) return undefined;
    const percent = Number(flag.percent);
    if (flag.percent.trim() === '' || !(percent >= 0 && percent <= 100)) {
      return error(ErrorCode.PARSE_ERROR, `${flag.name}_PERCENT must be a number from 0 to 100, not "${flag.percent}"`);
    }
    return this.bucketing.inPercent(flagKey + key, percent) ? this.answer(flag, onValue, type, StandardResolutionReasons.SPLIT) : undefined;
  }

  private answer(flag: EnvFlag, text: string, type: FlagType, reason: string): LayerResolution {
    const value: FlagValue | undefined = parseEnvValue(text, type);
    if (value === undefined) return error(ErrorCode.TYPE_MISMATCH, `${flag.name}="${text}" is not a ${type}`);
    return staticResolution('env', value, { reason, metadata: { variable: flag.name } });
  }

  /**
   * The flags the environment sets, with the type their text reads as: every
   * declared flag whose variables are set, and one key per prefixed variable
   * (the name after the prefix, `FF_USE_NEW_X` → `USE_NEW_X`; its `_TARGETS`
   * and `_PERCENT` belong to the same key).
   */
  knownFlags(): Map<string, FlagType> {
    const found = new Map<string, FlagType>();
    for (const [key, flag] of this.mapped) if (flag.declared) found.set(key, 'boolean');
    const prefix = this.prefix;
    if (prefix === false) return found;
    for (const [name, text] of Object.entries(this.env)) {
      if (!name.startsWith(prefix) || name.length === prefix.length || text === undefined) continue;
      const key = name.slice(prefix.length).replace(/_(TARGETS|PERCENT)$/, '');
      const value = this.env[prefix + key];
      if (!found.has(key)) found.set(key, value === undefined ? 'boolean' : typeOfText(value));
    }
    return found;
  }

  /** Reads a flag's variables once; the environment of a process does not change under it. */
  private lookup(flagKey: string): EnvFlag | null {
    if (this.prefix === false) return null;
    let flag = this.cache.get(flagKey);
    if (flag !== undefined) return flag;
    const name = envName(this.prefix, flagKey);
    const value = this.env[name];
    const targets = this.env[`${name}_TARGETS`];
    const percent = this.env[`${name}_PERCENT`];
    flag =
      value === undefined && targets === undefined && percent === undefined
        ? null
        : {
            name,
            ...(value === undefined ? {} : { value }),
            ...(targets === undefined ? {} : { targets: new Set(targets.split(',').map((id) => id.trim()).filter(Boolean)) }),
            ...(percent === undefined ? {} : { percent }),
          };
    this.cache.set(flagKey, flag);
    return flag;
  }
}

/** The type an environment variable's text reads as when no caller says which it wants. */
function typeOfText(text: string): FlagType {
  for (const type of ['boolean', 'number', 'object'] as const) if (parseEnvValue(text, type) !== undefined) return type;
  return 'string';
}

function error(errorCode: ErrorCode, errorMessage: string): LayerResolution {
  return { value: undefined, reason: StandardResolutionReasons.ERROR, errorCode, errorMessage, flagMetadata: { source: 'env' } };
}
