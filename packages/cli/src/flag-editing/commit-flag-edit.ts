import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { parseFlagFile } from '@cutover/provider';
import { createPatch } from 'diff';
import type { FlagEdit } from './flag-edit.js';
import { FlagEditError } from './flag-edit-error.js';

/** What the edit functions prepare before committing. */
export type FlagEditDraft = Omit<FlagEdit, 'diff' | 'written'>;

/**
 * Validates the edited text with the same parser the provider uses, diffs it,
 * and (unless `dryRun`) writes it atomically: a file the provider or flagd
 * watches is replaced by rename, never seen half-written, and never replaced
 * by an invalid one. A file changed since it was read is not overwritten.
 */
export async function commitFlagEdit(draft: FlagEditDraft, options: { dryRun?: boolean } = {}): Promise<FlagEdit> {
  try {
    parseFlagFile(draft.after, draft.file);
  } catch (error) {
    throw new FlagEditError('INVALID_RESULT', `the edited file would be invalid, nothing written: ${(error as Error).message}`, { cause: error });
  }
  const changed = draft.before !== draft.after;
  const diff = changed ? createPatch(draft.file, draft.before, draft.after, 'before', 'after') : '';
  if (!changed || options.dryRun) return { ...draft, diff, written: false };
  if ((await readFile(draft.file, 'utf8')) !== draft.before) {
    throw new FlagEditError('CONCURRENT_EDIT', `${draft.file} changed while it was being edited; nothing written, run the command again`);
  }
  await writeAtomically(draft.file, draft.after);
  return { ...draft, diff, written: true };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const { mode } = await stat(file);
  try {
    await writeFile(temporary, text, { mode });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
