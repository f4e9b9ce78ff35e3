export { RedisItemLock } from './redis-item-lock.js';
export type { RedisItemLockInit, RedisItemLockStats } from './redis-item-lock.js';
export { DEFAULT_REDIS_ITEM_LOCK_CONFIG, resolveRedisItemLockConfig } from './redis-item-lock-config.js';
export type { RedisItemLockConfig, RedisItemLockOptions, UnavailablePolicy } from './redis-item-lock-config.js';
export type { RedisEvalClient } from './redis-eval-client.js';
export type { RedisLease } from './redis-lease.js';
export { LockUnavailableError } from './lock-unavailable-error.js';
