import { parseOptions } from '@cutover/migrate';
import { z } from 'zod';

/**
 * What {@link RedisItemLock} does when Redis does not answer:
 * - `authoritative-only`: the call goes on with a lease that is not exclusive,
 *   so the runner runs only the authoritative path (as before the migration);
 * - `reject`: `acquire` rejects with `LockUnavailableError`, so the call fails.
 */
export type UnavailablePolicy = 'authoritative-only' | 'reject';

/** The tunable behaviour of a {@link RedisItemLock}. */
export interface RedisItemLockConfig {
  /** Prefix of the lock keys and of the fencing counter (`<prefix>fencing`). @default 'cutover:lock:' */
  keyPrefix: string;
  /** What a call does when Redis does not answer. @default 'authoritative-only' */
  whenUnavailable: UnavailablePolicy;
  /** How long one Redis command may take before Redis counts as unavailable, in ms. @default 500 */
  commandTimeoutMs: number;
  /** How often to try a busy key again while waiting for it, in ms. @default 25 */
  retryIntervalMs: number;
}

/** Options of a {@link RedisItemLock}: any subset of {@link RedisItemLockConfig}. */
export type RedisItemLockOptions = Partial<RedisItemLockConfig>;

/** The defaults of {@link RedisItemLockConfig}. */
export const DEFAULT_REDIS_ITEM_LOCK_CONFIG: Readonly<RedisItemLockConfig> = Object.freeze({
  keyPrefix: 'cutover:lock:',
  whenUnavailable: 'authoritative-only',
  commandTimeoutMs: 500,
  retryIntervalMs: 25,
});

const schema = z.strictObject({
  keyPrefix: z.string(),
  whenUnavailable: z.enum(['authoritative-only', 'reject']),
  commandTimeoutMs: z.number().positive(),
  retryIntervalMs: z.number().positive(),
});

/** Merges the defaults with `options`, validates, and throws `InvalidOptionError` naming the bad option. */
export function resolveRedisItemLockConfig(options: RedisItemLockOptions = {}): RedisItemLockConfig {
  return parseOptions(schema, DEFAULT_REDIS_ITEM_LOCK_CONFIG, options, 'Redis item lock');
}
