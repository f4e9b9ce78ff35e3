// RedisItemLock on a real redis-server (the Debian package): two locks with
// their own connections stand for two processes. Without redis-server on PATH
// (or REDIS_SERVER) the suite is skipped locally and fails in CI.
import { RedisItemLock } from '@cutover/lock-redis';
import type { Logger } from '@cutover/migrate';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from './support/redis-server.js';
import type { RedisServer } from './support/redis-server.js';
import { findBinary } from './support/require-binary.js';

const redisBinary = findBinary('redis-server', { envVar: 'REDIS_SERVER' });
const quiet: Logger = { warn: () => undefined, error: () => undefined };
const once = { ttlMs: 5000, waitMs: 0 };

describe.skipIf(!redisBinary)('RedisItemLock on a real Redis', () => {
  let server: RedisServer;
  const locks: RedisItemLock[] = [];
  const lockOn = (url: string): RedisItemLock => {
    const lock = new RedisItemLock({ url, logger: quiet, options: { commandTimeoutMs: 300 } });
    locks.push(lock);
    return lock;
  };

  beforeAll(async () => {
    server = await startRedis(redisBinary!);
  });

  afterAll(async () => {
    await Promise.all(locks.map((l) => l.close()));
    await server?.stop();
  });

  it('gives an item to one process at a time, with growing fencing tokens', async () => {
    const [a, b] = [lockOn(server.url), lockOn(server.url)];
    const first = await a.acquire('issue:23', once);
    expect(first?.exclusive).not.toBe(false);
    expect(await b.acquire('issue:23', once)).toBeUndefined();
    await first?.release();
    const second = await b.acquire('issue:23', once);
    expect(second?.fencingToken).toBeGreaterThan(first?.fencingToken ?? Infinity);
    await second?.release();
  });

  it('only the holder releases: compare-and-delete leaves a newer holder alone', async () => {
    const [a, b] = [lockOn(server.url), lockOn(server.url)];
    const stale = await a.acquire('issue:30', { ttlMs: 100, waitMs: 0 });
    await a.close();
    const next = await b.acquire('issue:30', { ttlMs: 5000, waitMs: 1000 });
    expect(next).toBeDefined();
    await stale?.release();
    const raw = new Redis(server.url);
    expect(await raw.exists('cutover:lock:issue:30')).toBe(1);
    raw.disconnect();
    await next?.release();
  });

  it('renews the lease while the work runs and frees the item after the TTL once the holder died', async () => {
    const [a, b] = [lockOn(server.url), lockOn(server.url)];
    await a.acquire('issue:31', { ttlMs: 150, waitMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await b.acquire('issue:31', once)).toBeUndefined();
    await a.close();
    expect(await b.acquire('issue:31', { ttlMs: 1000, waitMs: 1000 })).toBeDefined();
  });

  it('applies its policy while Redis is killed, and locks again once it is back', async () => {
    const lock = lockOn(server.url);
    await server.kill();
    const lease = await lock.acquire('issue:40', once);
    expect(lease).toMatchObject({ exclusive: false });
    expect(lock.stats().unavailable).toBe(1);
    await server.restart();
    await expect.poll(async () => (await lock.acquire('issue:41', once))?.exclusive, { timeout: 10_000, interval: 200 }).toBeUndefined();
    expect(lock.stats().acquired).toBeGreaterThanOrEqual(1);
  });
});
