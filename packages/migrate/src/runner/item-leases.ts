import type { Logger } from '@cutover/core';
import { ItemLockedError } from '../migration-error.js';
import type { LockLease } from './lock.js';
import type { ItemLock } from './migration-init.js';

/** What an {@link ItemLeases} locks with, and for how long. */
export interface ItemLeasesSetup<T> {
  readonly flagKey: string;
  readonly lock: ItemLock<T>;
  readonly ttlMs: number;
  readonly waitMs: number;
  readonly logger: Logger;
}

/**
 * Takes and gives back the item lock's lease around one call. The item is
 * named by the flag key and the lock's key of the input, so two migrations
 * never share an item.
 */
export class ItemLeases<T> {
  constructor(private readonly setup: ItemLeasesSetup<T>) {}

  /** The lease of the input's item; rejects with {@link ItemLockedError} when it stays held past the wait. */
  async acquire(input: T): Promise<LockLease> {
    const { lock, key } = this.setup.lock;
    const item = `${this.setup.flagKey}:${key(input)}`;
    const lease = await lock.acquire(item, { ttlMs: this.setup.ttlMs, waitMs: this.setup.waitMs });
    if (!lease) throw new ItemLockedError(item);
    return lease;
  }

  /** Gives the lease back; never rejects. */
  async release(lease: LockLease): Promise<void> {
    // The caller's outcome is already decided; a failed release only delays the next holder until the TTL.
    try {
      await lease.release();
    } catch (error) {
      this.setup.logger.error(`migration "${this.setup.flagKey}": releasing lock "${lease.key}" failed`, error);
    }
  }
}
