import { randomBytes } from 'node:crypto';
import { InvalidOptionError } from '@cutover/migrate';
import type { AcquireOptions, Lock, LockLease, Logger } from '@cutover/migrate';
import { Redis } from 'ioredis';
import { LockCommands } from './lock-commands.js';
import { LockUnavailableError } from './lock-unavailable-error.js';
import type { RedisEvalClient } from './redis-eval-client.js';
import type { RedisItemLockConfig, RedisItemLockOptions } from './redis-item-lock-config.js';
import { resolveRedisItemLockConfig } from './redis-item-lock-config.js';
import { RedisLease } from './redis-lease.js';

const CONSOLE_LOGGER: Logger = {
  warn: (...args) => console.warn('[cutover/lock-redis]', ...args),
  error: (...args) => console.error('[cutover/lock-redis]', ...args),
};

/** Where a {@link RedisItemLock} keeps its leases: give `url` or `client`. */
export interface RedisItemLockInit {
  /**
   * A Redis URL (`redis://host:6379/0`): the lock makes its own client, set to
   * fail at once while disconnected instead of queueing, and closes it in {@link RedisItemLock.close}.
   */
  readonly url?: string;
  /**
   * The application's client (an ioredis `Redis`); the lock never closes it.
   * Create it with `enableOfflineQueue: false` so a lost connection fails fast.
   */
  readonly client?: RedisEvalClient;
  /** @default console, prefixed */
  readonly logger?: Logger;
  readonly options?: RedisItemLockOptions;
}

/** Counters of a {@link RedisItemLock}. */
export interface RedisItemLockStats {
  /** Leases handed out. */
  readonly acquired: number;
  /** Acquisitions that found the key held for all of `waitMs`. */
  readonly busy: number;
  /** Acquisitions that found Redis unavailable; the policy was applied to each. */
  readonly unavailable: number;
  /** Leases found taken over or expired while their work ran. */
  readonly lost: number;
  /** Leases held now. */
  readonly held: number;
}

/**
 * A {@link Lock} for a fleet, in Redis: `SET NX PX` with a fencing token from
 * one counter (`INCR`) in one script, renewal every third of the TTL while the
 * work runs, release by compare-and-delete so only the holder frees its item.
 * A holder that dies frees the item after the TTL. When Redis does not
 * answer, {@link RedisItemLockConfig.whenUnavailable} decides and the call is counted.
 */
export class RedisItemLock implements Lock {
  /** The resolved options. */
  readonly config: Readonly<RedisItemLockConfig>;
  private readonly client: RedisEvalClient;
  private readonly owned: Redis | undefined;
  private readonly commands: LockCommands;
  private readonly logger: Logger;
  private readonly leases = new Set<RedisLease>();
  private counts = { acquired: 0, busy: 0, unavailable: 0, lost: 0 };
  private wasReady = false;

  constructor(init: RedisItemLockInit) {
    this.config = Object.freeze(resolveRedisItemLockConfig(init.options));
    this.logger = init.logger ?? CONSOLE_LOGGER;
    if (init.client) this.client = init.client;
    else if (init.url) {
      this.owned = new Redis(init.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: this.config.commandTimeoutMs });
      // Connection errors surface as rejected commands (counted there); the event only needs a listener.
      this.owned.on('error', () => undefined);
      this.owned.once('ready', () => (this.wasReady = true));
      this.client = this.owned;
    } else throw new InvalidOptionError('invalid Redis item lock option "url": give `url` or `client`');
    this.commands = new LockCommands(this.client, `${this.config.keyPrefix}fencing`, this.config.commandTimeoutMs);
  }

  /** {@inheritDoc Lock.acquire} */
  async acquire(key: string, options: AcquireOptions): Promise<LockLease | undefined> {
    const redisKey = this.config.keyPrefix + key;
    const holder = randomBytes(12).toString('base64url');
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      let fencingToken: number | undefined;
      await this.connected();
      try {
        fencingToken = await this.commands.acquire(redisKey, holder, options.ttlMs);
      } catch (error) {
        return this.unavailable(key, error);
      }
      if (fencingToken !== undefined) return this.hold({ key, redisKey, holder, fencingToken, ttlMs: options.ttlMs });
      const left = deadline - Date.now();
      if (left <= 0) {
        this.counts.busy++;
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, this.config.retryIntervalMs)));
    }
  }

  /** A snapshot of the counters. */
  stats(): RedisItemLockStats {
    return { ...this.counts, held: this.leases.size };
  }

  /** Stops renewing the leases held now (they expire at their TTL) and closes the client the lock made. */
  async close(): Promise<void> {
    for (const lease of [...this.leases]) lease.abandon();
    await this.owned?.quit().catch(() => this.owned?.disconnect());
  }

  /**
   * Waits up to `commandTimeoutMs` for the lock's own client to connect the
   * first time: commands sent before would fail at once. Once it was connected,
   * a lost connection fails fast instead, so an outage does not slow each call.
   */
  private async connected(): Promise<void> {
    const client = this.owned;
    if (!client || client.status === 'ready' || this.wasReady) return;
    let timer: NodeJS.Timeout | undefined;
    let onReady = (): void => undefined;
    await new Promise<void>((resolve) => {
      onReady = resolve;
      client.once('ready', onReady);
      timer = setTimeout(resolve, this.config.commandTimeoutMs);
    });
    clearTimeout(timer);
    client.off('ready', onReady);
  }

  private hold(lease: { key: string; redisKey: string; holder: string; fencingToken: number; ttlMs: number }): RedisLease {
    this.counts.acquired++;
    const held = new RedisLease({
      ...lease,
      commands: this.commands,
      logger: this.logger,
      events: {
        onLost: () => void this.counts.lost++,
        onEnded: (ended) => void this.leases.delete(ended),
      },
    });
    this.leases.add(held);
    return held;
  }

  private unavailable(key: string, error: unknown): LockLease {
    const count = ++this.counts.unavailable;
    // An outage fails at request rate: log the first few, then one line per thousand.
    if (count <= 10 || count % 1000 === 0) {
      this.logger.error(`redis item lock: Redis unavailable for "${key}", applying "${this.config.whenUnavailable}" (${count} so far)`, error);
    }
    if (this.config.whenUnavailable === 'reject') throw new LockUnavailableError(key, { cause: error });
    return { key, exclusive: false, release: async () => undefined };
  }
}
