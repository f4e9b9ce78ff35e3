import lockfile from 'proper-lockfile';
import { FlagEditError } from './flag-edit-error.js';

/** How long a flag file's lock may go unrefreshed before another editor breaks it, in ms. */
export const FLAG_FILE_LOCK_STALE_MS = 5_000;

/** A lock held on one flag file while it is read, edited and written. */
export interface FlagFileLock {
  /** Throws unless the lock is still ours: call it right before the rename that publishes the edit. */
  assertHeld(): void;
}

/**
 * Runs `work` while holding `<file>.lock` (a directory, by proper-lockfile, as
 * the rollback overlay does), so edits of one file by the CLI, the dashboard
 * and library callers, in any process, happen one after another. A holder
 * refreshes its lock; one killed while holding it stops, and the lock is
 * broken once stale. The wait is longer than the stale time, so a dead
 * editor never makes an edit fail; a live one that holds the lock for the
 * whole wait does, with `CONCURRENT_EDIT`.
 */
export async function withFlagFileLock<T>(file: string, work: (lock: FlagFileLock) => Promise<T>): Promise<T> {
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, {
      lockfilePath: `${file}.lock`,
      stale: FLAG_FILE_LOCK_STALE_MS,
      // About 2.5 × the stale time in all: 10 ms growing to 100 ms between tries.
      retries: { retries: 130, factor: 1.2, minTimeout: 10, maxTimeout: 100, randomize: true },
      // The default throws inside a timer and would kill the process; the edit fails instead.
      onCompromised: (error) => (compromised = error),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new FlagEditError('CONCURRENT_EDIT', `${file} is being edited by someone else (its lock ${file}.lock stayed held); nothing written, run the command again`, { cause: error });
  }
  try {
    return await work({
      assertHeld: () => {
        if (compromised) throw new FlagEditError('CONCURRENT_EDIT', `the lock on ${file} was lost before writing (${compromised.message}); nothing written, run the command again`, { cause: compromised });
      },
    });
  } finally {
    await release().catch(() => undefined);
  }
}
