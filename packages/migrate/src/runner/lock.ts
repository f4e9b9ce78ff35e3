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
  /**
   * A number that grows with every lease the lock hands out. The runner passes
   * it to the implementations (`RunContext.fencingToken`): a system of record
   * that refuses a write carrying a lower token than the last it accepted
   * cannot be written by a holder whose lease expired while it was paused.
   */
  readonly fencingToken?: number;
  /**
   * False when the lock could not make the lease exclusive (its backend is
   * unreachable and its policy lets the call through): the runner then runs
   * only the authoritative path, so the two systems never both act on the item.
   * @default true
   */
  readonly exclusive?: boolean;
  /** Frees the key if this lease still holds it; releasing an expired lease is a no-op. */
  release(): Promise<void>;
}

/**
 * Exclusive processing of one item: never both systems on the same item.
 * {@link InMemoryLock} serves one process; `RedisItemLock` (`@cutover/lock-redis`)
 * a fleet.
 */
export interface Lock {
  /** Resolves with a lease, or `undefined` when the key stayed busy for `waitMs`. */
  acquire(key: string, options: AcquireOptions): Promise<LockLease | undefined>;
}
