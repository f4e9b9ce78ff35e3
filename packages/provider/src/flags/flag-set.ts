import type { FlagMetadata } from '@openfeature/server-sdk';
import type { CompiledFlag } from './compiled-flag.js';
import type { FlagFileProblem } from './flag-file-error.js';

/** The flags of one flag file, compiled. */
export interface FlagSet {
  /** The file they came from, as configured. */
  readonly file: string;
  readonly flags: ReadonlyMap<string, CompiledFlag>;
  /** Flag-set metadata (`metadata` at the top of the file). */
  readonly metadata: FlagMetadata;
  /** What flagd serves although it deviates from its schemas (see `parseFlagFile`), with its location; the flags serve. */
  readonly warnings: readonly FlagFileProblem[];
}

/** Merges flag sets in order: a later file replaces an earlier one's flag of the same key, as flagd does with repeated `--uri`. */
export function mergeFlagSets(sets: readonly FlagSet[]): Map<string, CompiledFlag> {
  const merged = new Map<string, CompiledFlag>();
  for (const set of sets) for (const [key, flag] of set.flags) merged.set(key, flag);
  return merged;
}
