import { InvalidOptionError } from '@cutover/migrate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REDIS_ITEM_LOCK_CONFIG, resolveRedisItemLockConfig } from './redis-item-lock-config.js';

describe(resolveRedisItemLockConfig.name, () => {
  it('fails closed by default: only the authoritative path runs while Redis is away', () => {
    expect(resolveRedisItemLockConfig()).toEqual(DEFAULT_REDIS_ITEM_LOCK_CONFIG);
    expect(DEFAULT_REDIS_ITEM_LOCK_CONFIG).toEqual({ keyPrefix: 'cutover:lock:', whenUnavailable: 'authoritative-only', commandTimeoutMs: 500, retryIntervalMs: 25 });
  });

  it('takes given options over the defaults', () => {
    expect(resolveRedisItemLockConfig({ whenUnavailable: 'reject', commandTimeoutMs: 50 })).toMatchObject({ whenUnavailable: 'reject', commandTimeoutMs: 50 });
  });

  it('names the bad option', () => {
    expect(() => resolveRedisItemLockConfig({ commandTimeoutMs: 0 })).toThrow(InvalidOptionError);
    expect(() => resolveRedisItemLockConfig({ commandTimeoutMs: 0 })).toThrow(/"commandTimeoutMs"/);
    expect(() => resolveRedisItemLockConfig({ whenUnavailable: 'open' as 'reject' })).toThrow(/"whenUnavailable"/);
  });
});
