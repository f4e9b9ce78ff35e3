import type { Logger } from '@cutover/migrate';
import { describe, expect, it, vi } from 'vitest';
import { LockUnavailableError } from './lock-unavailable-error.js';
import { RedisItemLock } from './redis-item-lock.js';
import type { RedisItemLockOptions } from './redis-item-lock-config.js';
import { FakeRedis } from './testing/fake-redis.js';

const quiet = (): Logger => ({ warn: vi.fn(), error: vi.fn(), info: vi.fn(), debug: vi.fn() });
const once = { ttlMs: 1000, waitMs: 0 };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function setup(options: RedisItemLockOptions = {}) {
  const redis = new FakeRedis();
  const lock = new RedisItemLock({ client: redis, logger: quiet(), options });
  return { redis, lock };
}

describe(RedisItemLock.name, () => {
  describe('acquire', () => {
    it('gives a key to one holder at a time and counts the busy attempt', async () => {
      const { lock } = setup();
      const first = await lock.acquire('issue:23', once);
      expect(first).toBeDefined();
      expect(await lock.acquire('issue:23', once)).toBeUndefined();
      expect(await lock.acquire('issue:24', once)).toBeDefined();
      expect(lock.stats()).toMatchObject({ acquired: 2, busy: 1, held: 2 });
    });

    it('hands out fencing tokens that grow with every lease', async () => {
      const { lock } = setup();
      const first = await lock.acquire('a', once);
      await first?.release();
      const second = await lock.acquire('a', once);
      const other = await lock.acquire('b', once);
      expect(first?.fencingToken).toBe(1);
      expect(second?.fencingToken).toBe(2);
      expect(other?.fencingToken).toBe(3);
    });

    it('waits up to waitMs for a busy key', async () => {
      const { lock } = setup({ retryIntervalMs: 5 });
      const first = await lock.acquire('a', once);
      setTimeout(() => void first?.release(), 30);
      expect(await lock.acquire('a', { ttlMs: 1000, waitMs: 1000 })).toBeDefined();
    });

    it('keys the item under the prefix', async () => {
      const { redis, lock } = setup({ keyPrefix: 'app:' });
      await lock.acquire('a', once);
      expect(redis.get('app:a')).toBeDefined();
    });
  });

  describe('lease', () => {
    it('is renewed while the work runs, so it outlives its TTL', async () => {
      const { lock } = setup();
      // Five TTLs: renewed every third of one, so a loaded machine's late timers still renew in time.
      const lease = await lock.acquire('a', { ttlMs: 300, waitMs: 0 });
      await sleep(1500);
      expect(await lock.acquire('a', once)).toBeUndefined();
      await lease?.release();
      expect(await lock.acquire('a', once)).toBeDefined();
    });

    it('frees the item after the TTL when its holder stops renewing (died)', async () => {
      const { redis, lock } = setup();
      await lock.acquire('a', { ttlMs: 50, waitMs: 0 });
      await lock.close();
      const other = new RedisItemLock({ client: redis, logger: quiet() });
      expect(await other.acquire('a', once)).toBeUndefined();
      await sleep(80);
      expect(await other.acquire('a', once)).toBeDefined();
    });

    it('releases only its own holding: an expired lease cannot free the next holder', async () => {
      const { redis, lock } = setup();
      const stale = await lock.acquire('a', { ttlMs: 1000, waitMs: 0 });
      redis.values.delete('cutover:lock:a');
      const next = await lock.acquire('a', once);
      await stale?.release();
      expect(await lock.acquire('a', once)).toBeUndefined();
      await next?.release();
      expect(await lock.acquire('a', once)).toBeDefined();
    });

    it('counts a lease taken over while its work ran as lost', async () => {
      const { redis, lock } = setup();
      const lease = await lock.acquire('a', { ttlMs: 30, waitMs: 0 });
      redis.values.set('cutover:lock:a', { value: 'someone else', expiresAt: Date.now() + 1000 });
      await vi.waitFor(() => expect(lock.stats().lost).toBe(1));
      expect(lock.stats().held).toBe(0);
      await lease?.release();
      expect(redis.get('cutover:lock:a')).toBe('someone else');
    });
  });

  describe('when Redis is unavailable', () => {
    it('lets the call through with a lease that is not exclusive, by default, and counts it', async () => {
      const { redis, lock } = setup();
      redis.mode = 'down';
      const lease = await lock.acquire('a', once);
      expect(lease).toMatchObject({ key: 'a', exclusive: false });
      expect(lease?.fencingToken).toBeUndefined();
      await lease?.release();
      expect(lock.stats()).toMatchObject({ unavailable: 1, acquired: 0 });
    });

    it('rejects with LockUnavailableError under the reject policy', async () => {
      const { redis, lock } = setup({ whenUnavailable: 'reject' });
      redis.mode = 'down';
      await expect(lock.acquire('a', once)).rejects.toBeInstanceOf(LockUnavailableError);
      expect(lock.stats().unavailable).toBe(1);
    });

    it('treats a Redis that does not answer within commandTimeoutMs as unavailable', async () => {
      const { redis, lock } = setup({ commandTimeoutMs: 20 });
      redis.mode = 'hung';
      const started = Date.now();
      expect(await lock.acquire('a', once)).toMatchObject({ exclusive: false });
      expect(Date.now() - started).toBeLessThan(500);
    });

    it('keeps a lease whose renewals fail only until its TTL has passed', async () => {
      const { redis, lock } = setup({ commandTimeoutMs: 10 });
      await lock.acquire('a', { ttlMs: 60, waitMs: 0 });
      redis.mode = 'down';
      await vi.waitFor(() => expect(lock.stats().lost).toBe(1), { timeout: 1000 });
    });
  });
});
