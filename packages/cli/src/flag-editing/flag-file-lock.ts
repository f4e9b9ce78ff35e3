import { acquireOverlayLock, DEFAULT_OVERLAY_LOCK_STALE_MS, removeStaleTempFiles } from '@cutover/rollback';
import type { OverlayLock } from '@cutover/rollback';
import { FlagEditError } from './flag-edit-error.js';

/** A lock held on one flag file while it is read, edited and written. */
export interface FlagFileLock {
  /** Throws `CONCURRENT_EDIT` unless the lock is still ours: call it right before the rename that publishes the edit. */
  assertHeld(): Promise<void>;
}

/**
 * Runs `work` while holding `<file>.lock`, the rollback overlay's lock, so
 * edits of one file by the CLI, the dashboard and library callers, in any
 * process, happen one after another. An editor killed while holding it stops
 * refreshing it, and the next one breaks it once stale (and removes the dead
 * editor's temporaries): a dead editor never makes an edit fail; a live one
 * holding the lock for the whole wait does, with `CONCURRENT_EDIT`.
 */
export async function withFlagFileLock<T>(file: string, work: (lock: FlagFileLock) => Promise<T>): Promise<T> {
  let lock: OverlayLock;
  try {
    lock = await acquireOverlayLock(file);
  } catch (error) {
    // File system errors carry their code; without one, the lock stayed held by a live editor.
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
    throw new FlagEditError('CONCURRENT_EDIT', `${file} is being edited elsewhere (${(error as Error).message}); nothing written, run the command again`, { cause: error });
  }
  try {
    // Under the lock no live editor is mid-write: an old temporary is a dead one's.
    await removeStaleTempFiles(file, DEFAULT_OVERLAY_LOCK_STALE_MS);
    return await work({
      assertHeld: () =>
        lock.assertHeld().catch((error: unknown) => {
          throw new FlagEditError('CONCURRENT_EDIT', `${(error as Error).message}; nothing written to ${file}, run the command again`, { cause: error });
        }),
    });
  } finally {
    await lock.release();
  }
}
