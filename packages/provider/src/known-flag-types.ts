import type { FlagValue } from '@openfeature/server-sdk';
import type { CompiledFlag, FlagType } from './flags/compiled-flag.js';
import { envName } from './layers/env-value.js';

/** What each layer knows, for {@link knownFlagTypes}. */
export interface KnownFlagSources {
  readonly envPrefix: string | false;
  /** Keys declared in the provider's options (`envFlags`, `stages`) and the type each serves. */
  readonly declared: Iterable<readonly [string, FlagType]>;
  readonly overrides: Readonly<Record<string, FlagValue>>;
  readonly rollbacks: Iterable<string>;
  readonly files: ReadonlyMap<string, CompiledFlag>;
  /** The environment's flags by the names of their variables (`FF_USE_NEW_X` → `USE_NEW_X`). */
  readonly env: ReadonlyMap<string, FlagType>;
}

/**
 * Every flag key some layer knows and the type to evaluate it as: what
 * `snapshot()` lists and a missing key's suggestions come from. A prefixed
 * variable is listed under its own name unless it is the variable of a key
 * listed already (`FF_READ_ONLY` of the file flag `read-only`).
 */
export function knownFlagTypes(sources: KnownFlagSources): Map<string, FlagType> {
  const types = new Map<string, FlagType>();
  for (const [key, type] of sources.declared) types.set(key, type);
  // A stage mapping's key is evaluated for its stage; otherwise the file's type is the flag's type.
  for (const [key, flag] of sources.files) if (types.get(key) !== 'string') types.set(key, flag.type);
  for (const [key, value] of Object.entries(sources.overrides)) if (!types.has(key)) types.set(key, typeOfValue(value));
  for (const key of sources.rollbacks) if (!types.has(key)) types.set(key, 'string');
  const { envPrefix } = sources;
  const named = envPrefix === false ? new Set<string>() : new Set([...types.keys()].map((key) => envName(envPrefix, key)));
  for (const [key, type] of sources.env) {
    if (!types.has(key) && (envPrefix === false || !named.has(envName(envPrefix, key)))) types.set(key, type);
  }
  return types;
}

/** The flag type of a value. */
export function typeOfValue(value: FlagValue | undefined): FlagType {
  const type = typeof value;
  return type === 'boolean' || type === 'string' || type === 'number' ? type : 'object';
}
