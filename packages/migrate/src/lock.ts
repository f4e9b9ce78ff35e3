/** How long to hold and how long to wait for a lock. */
export interface AcquireOptions {
  /** The lease expires after this many ms even if never released, so a crashed holder cannot block an item forever. */
  readonly ttlMs: number;
  /** Wait up to this many ms for a busy key; 0 tries once. */
  readonly waitMs: number;
}

/** A held lock on one key. */
export interface LockLease {
  readonly key: string;
  /** Frees the key if this lease still holds it; releasing an expired lease is a no-op. */
  release(): Promise<void>;
}

/**
 * Exclusive processing of one item (never both systems on the same item at
 * once). A Redis implementation is `SET key token NX PX ttl` to acquire and a
 * compare-and-delete script to release; {@link InMemoryLock} serves one process.
 */
export interface Lock {
  /** Resolves with a lease, or `undefined` when the key stayed busy for `waitMs`. */
  acquire(key: string, options: AcquireOptions): Promise<LockLease | undefined>;
}
