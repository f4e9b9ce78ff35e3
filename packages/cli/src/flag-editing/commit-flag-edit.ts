import { readFile, rename, rm } from 'node:fs/promises';
import { parseFlagFile } from '@cutover/provider';
import { writeTempFile } from '@cutover/rollback';
import { createPatch } from 'diff';
import type { FlagEdit } from './flag-edit.js';
import { FlagEditError } from './flag-edit-error.js';
import { withFlagFileLock } from './flag-file-lock.js';
import { parseMigrationFlag } from './read-migration-flag.js';
import type { MigrationFlagText } from './read-migration-flag.js';

/** What the edit functions prepare before committing. */
export type FlagEditDraft = Omit<FlagEdit, 'diff' | 'written'>;

/** The least an edit of a whole file prepares: the file, its text before and after. */
export interface FileEditDraft {
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

/** Computes an edit from the flag as it stands in its file; throws a {@link FlagEditError} to refuse it. */
export type PlanFlagEdit = (flag: MigrationFlagText) => FlagEditDraft;

/** How many times an edit is planned again on a file someone changed outside the lock before it is refused. */
const ATTEMPTS = 3;

/**
 * Reads the flag, plans the edit on that text, validates the result with the
 * same parser the provider uses, diffs it and (unless `dryRun`) writes it
 * atomically: a file the provider or flagd watches is replaced by rename,
 * never seen half-written, and never replaced by an invalid one.
 *
 * Writes of one file are serialised by its lock, and the edit is planned
 * under the lock on the text as it is then, so concurrent edits (two flags of
 * one file, the CLI and the dashboard, several processes) all land. A file
 * changed by someone who does not take the lock (an editor, git) between the
 * read and the rename is planned again on its new text, then refused with
 * `CONCURRENT_EDIT`; `written` is true only when the rename happened.
 */
export async function commitFlagEdit(file: string, flagKey: string, plan: PlanFlagEdit, options: { dryRun?: boolean } = {}): Promise<FlagEdit> {
  return commitFileEdit(file, (text) => plan(parseMigrationFlag(text, file, flagKey)), options);
}

/**
 * {@link commitFlagEdit} for an edit planned on the whole text of a file (the
 * flags of a phase that live in one file): the same validation, diff, lock,
 * re-planning and atomic write.
 */
export async function commitFileEdit<T extends FileEditDraft>(file: string, plan: (text: string) => T, options: { dryRun?: boolean } = {}): Promise<T & { diff: string; written: boolean }> {
  if (options.dryRun) return { ...prepare(plan(await readFile(file, 'utf8'))), written: false };
  return withFlagFileLock(file, async (lock) => {
    for (let attempt = 1; ; attempt++) {
      const edit = prepare(plan(await readFile(file, 'utf8')));
      if (edit.diff === '') return { ...edit, written: false };
      const temporary = await writeTempFile(file, edit.after);
      try {
        if ((await readFile(file, 'utf8')) === edit.before) {
          await lock.assertHeld();
          await rename(temporary, file);
          return { ...edit, written: true };
        }
      } finally {
        await rm(temporary, { force: true });
      }
      if (attempt === ATTEMPTS) {
        throw new FlagEditError('CONCURRENT_EDIT', `${file} kept changing while it was being edited (${ATTEMPTS} tries); nothing written, run the command again`);
      }
    }
  });
}

function prepare<T extends FileEditDraft>(draft: T): T & { diff: string } {
  try {
    parseFlagFile(draft.after, draft.file);
  } catch (error) {
    throw new FlagEditError('INVALID_RESULT', `the edited file would be invalid, nothing written: ${(error as Error).message}`, { cause: error });
  }
  const diff = draft.before === draft.after ? '' : createPatch(draft.file, draft.before, draft.after, 'before', 'after');
  return { ...draft, diff };
}
