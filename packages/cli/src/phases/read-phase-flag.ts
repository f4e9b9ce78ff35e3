import { readFile } from 'node:fs/promises';
import { isPhaseFlag, readPhaseSet } from '@cutover/flag-model';
import type { PhaseSet } from '@cutover/flag-model';
import { parseFlagFile } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
import { FlagEditError } from '../flag-editing/flag-edit-error.js';

/** A flag as the flag files define it, with the file it comes from. */
export interface LocatedFlag {
  readonly file: string;
  readonly definition: FlagDefinition;
}

/** A phase flag, what it declares, and every flag of the files (the later file wins a key, as in flagd). */
export interface PhaseFlag {
  readonly flagKey: string;
  readonly file: string;
  readonly definition: FlagDefinition;
  readonly set: PhaseSet;
  /** The phase it serves by default: where the set stands in git. */
  readonly current: string | undefined;
  readonly flags: ReadonlyMap<string, LocatedFlag>;
  /** Files that could not be read; their flags are missing from `flags`. */
  readonly unreadable: readonly { readonly file: string; readonly error: string }[];
}

/**
 * Reads the flag files and the phase flag `flagKey` in them. A broken file
 * does not stop it (a member in it is then missing, which the move names).
 *
 * @throws FlagEditError `FLAG_NOT_FOUND`, or `INVALID_PHASE` when the flag is not a phase flag or its definition has problems
 */
export async function readPhaseFlag(files: readonly string[], flagKey: string): Promise<PhaseFlag> {
  const flags = new Map<string, LocatedFlag>();
  const unreadable: { file: string; error: string }[] = [];
  for (const file of files) {
    try {
      for (const [key, flag] of parseFlagFile(await readFile(file, 'utf8'), file).flags) flags.set(key, { file, definition: flag.definition });
    } catch (error) {
      unreadable.push({ file, error: (error as Error).message });
    }
  }
  const located = flags.get(flagKey);
  if (!located) throw new FlagEditError('FLAG_NOT_FOUND', `no flag "${flagKey}" in the flag files${unreadable.length > 0 ? ` (unreadable: ${unreadable.map((u) => u.file).join(', ')})` : ''}`);
  if (!isPhaseFlag(located.definition)) throw new FlagEditError('INVALID_PHASE', `"${flagKey}" is not a phase flag (metadata.kind = "phase"); see docs/start-from-phases.md`);
  const set = readPhaseSet(located.definition);
  if (set.problems.length > 0) {
    throw new FlagEditError('INVALID_PHASE', `${located.file}: phase flag "${flagKey}": ${set.problems.map((problem) => `${problem.reason} (metadata.${problem.key})`).join('; ')}`);
  }
  const current = typeof located.definition.defaultVariant === 'string' ? located.definition.defaultVariant : undefined;
  return { flagKey, file: located.file, definition: located.definition, set, current, flags, unreadable };
}
