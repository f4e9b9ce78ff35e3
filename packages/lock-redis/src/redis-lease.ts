import type { LockLease, Logger } from '@cutover/migrate';
import type { LockCommands } from './lock-commands.js';

/** What a {@link RedisLease} tells its lock. */
export interface RedisLeaseEvents {
  /** The lease was found taken by another holder or expired before it could be renewed. */
  onLost(lease: RedisLease): void;
  /** The lease ended (released or lost). */
  onEnded(lease: RedisLease): void;
}

/** Everything a {@link RedisLease} is made of. */
export interface RedisLeaseInit {
  readonly key: string;
  readonly redisKey: string;
  readonly holder: string;
  readonly fencingToken: number;
  readonly ttlMs: number;
  readonly commands: LockCommands;
  readonly logger: Logger;
  readonly events: RedisLeaseEvents;
}

/**
 * A lease held in Redis. It renews itself every third of its TTL while the
 * work runs, so long work keeps the item; a holder that dies stops renewing
 * and the key frees itself after the TTL.
 */
export class RedisLease implements LockLease {
  readonly key: string;
  readonly fencingToken: number;
  private readonly timer: NodeJS.Timeout;
  private confirmedAt = Date.now();
  private ended = false;
  private lostLease = false;

  constructor(private readonly init: RedisLeaseInit) {
    this.key = init.key;
    this.fencingToken = init.fencingToken;
    // The renewal timer must not keep the process alive on its own.
    this.timer = setInterval(() => void this.renew(), Math.max(1, init.ttlMs / 3)).unref();
  }

  /** True once the lease was found lost: another holder may have the item now. */
  get lost(): boolean {
    return this.lostLease;
  }

  /** Frees the key if this lease still holds it (compare-and-delete); rejects when Redis does not answer (the key frees itself at the TTL). */
  async release(): Promise<void> {
    if (this.ended) return;
    this.end();
    await this.init.commands.release(this.init.redisKey, this.init.holder);
  }

  /** Stops renewing without touching Redis (the lock closes). */
  abandon(): void {
    if (!this.ended) this.end();
  }

  private async renew(): Promise<void> {
    const { redisKey, holder, ttlMs, commands, logger } = this.init;
    try {
      if (await commands.renew(redisKey, holder, ttlMs)) {
        this.confirmedAt = Date.now();
        return;
      }
      this.lose(`lease on "${this.key}" was taken over or expired before it was renewed`);
    } catch (error) {
      if (this.ended) return;
      if (Date.now() - this.confirmedAt >= ttlMs) this.lose(`lease on "${this.key}" could not be renewed within its TTL`, error);
      else logger.warn(`redis item lock: renewing "${this.key}" failed; trying again`, error);
    }
  }

  private lose(message: string, error?: unknown): void {
    if (this.ended) return;
    this.lostLease = true;
    this.init.logger.error(`redis item lock: ${message}`, ...(error === undefined ? [] : [error]));
    this.init.events.onLost(this);
    this.end();
  }

  private end(): void {
    this.ended = true;
    clearInterval(this.timer);
    this.init.events.onEnded(this);
  }
}
