import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';

/** How long a lock may go unrefreshed before a writer breaks it, in ms, unless told otherwise. */
export const DEFAULT_OVERLAY_LOCK_STALE_MS = 5_000;

/** How often a holder refreshes its lock (the lock directory's mtime), in ms: proper-lockfile's shortest. */
const REFRESH_MS = 1_000;

/** proper-lockfile's own stale handling is off: it can remove a lock another writer just took. We break stale locks ourselves. */
const NEVER_STALE_MS = 2 ** 31 - 1;

/** A lock held on the overlay. */
export interface OverlayLock {
  /** Throws unless this writer still holds the lock: call it right before the rename that publishes a write. */
  assertHeld(): Promise<void>;
  /** Releases the lock; never rejects. */
  release(): Promise<void>;
}

/**
 * Takes the overlay's lock (`<overlay>.lock`, a directory), waiting out a
 * holder for as long as a lock takes to go stale, and breaking a stale one (a
 * writer killed while holding it stops refreshing it). The wait is derived
 * from `staleMs`, so a live holder either finishes or goes stale within it:
 * a writer never fails because of a dead one.
 *
 * @throws when the lock stays held and refreshed for the whole wait, or cannot be taken at all
 */
export async function acquireOverlayLock(path: string, staleMs: number = DEFAULT_OVERLAY_LOCK_STALE_MS): Promise<OverlayLock> {
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + 2 * staleMs + REFRESH_MS;
  let compromised: Error | undefined;
  for (;;) {
    try {
      // Its default for a compromised lock (taken away) throws inside a timer and would kill the process.
      const release = await lockfile.lock(path, {
        lockfilePath: lockPath,
        realpath: false,
        stale: NEVER_STALE_MS,
        update: REFRESH_MS,
        onCompromised: (error) => (compromised = error),
      });
      const mine = await stat(lockPath);
      return {
        assertHeld: async () => {
          const now = await stat(lockPath).catch(() => undefined);
          if (compromised || !now || !sameDirectory(now, mine)) {
            throw new Error(`the overlay lock ${lockPath} was lost before the write${compromised ? `: ${compromised.message}` : ''}`, { cause: compromised });
          }
        },
        release: () => release().catch(() => undefined),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    if (await breakIfStale(lockPath, staleMs)) continue;
    if (Date.now() > deadline) throw new Error(`the overlay lock ${lockPath} stayed held (and refreshed) for ${2 * staleMs + REFRESH_MS} ms`);
    await sleep(10 + Math.random() * 40);
  }
}

/**
 * Removes a lock whose holder stopped refreshing it. The lock is first moved
 * to a unique name, which only one writer can do; if what moved turns out to
 * be fresh (taken by another writer after our look), it is put back.
 */
async function breakIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  const seen = await stat(lockPath).catch(() => undefined);
  if (!seen || Date.now() - seen.mtimeMs <= staleMs) return false;
  const claimed = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockPath, claimed);
  } catch {
    return false;
  }
  const moved = await stat(claimed).catch(() => undefined);
  if (moved && Date.now() - moved.mtimeMs <= staleMs) {
    await rename(claimed, lockPath).catch(() => rm(claimed, { recursive: true, force: true }));
    return false;
  }
  await rm(claimed, { recursive: true, force: true });
  return true;
}

// The same directory, not a new one made after ours was removed (an inode number can be reused; its birth time is not).
function sameDirectory(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.birthtimeMs === b.birthtimeMs;
}
