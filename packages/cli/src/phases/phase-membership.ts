import { readFile } from 'node:fs/promises';
import { isPhaseFlag, readPhaseSet } from '@cutover/flag-model';
import { parseFlagFile } from '@cutover/provider';

/**
 * Notes for a flag moved on its own that a phase flag also moves: which phase
 * flag, its phase now, and the stage that phase declares. Moving a member
 * within its phase is normal (that is how a phase's work is done), but the
 * operator should know the next `cutover phase` checks it from where it is.
 * Unreadable files are skipped: they are `cutover validate`'s to report.
 */
export async function phaseMembership(files: readonly string[], flagKey: string): Promise<string[]> {
  const notes: string[] = [];
  for (const file of files) {
    let flags: ReturnType<typeof parseFlagFile>['flags'];
    try {
      flags = parseFlagFile(await readFile(file, 'utf8'), file).flags;
    } catch {
      continue;
    }
    for (const [key, { definition }] of flags) {
      if (!isPhaseFlag(definition)) continue;
      const set = readPhaseSet(definition);
      if (!set.members.includes(flagKey)) continue;
      const phase = typeof definition.defaultVariant === 'string' ? definition.defaultVariant : undefined;
      const declared = phase === undefined ? undefined : set.stages.get(phase)?.get(flagKey);
      notes.push(`${flagKey} is a member of phase flag ${key} (now ${phase ?? 'no phase'}${declared ? `, which declares ${declared}` : ''}); cutover phase ${key} <phase> moves the whole set`);
    }
  }
  return notes;
}
