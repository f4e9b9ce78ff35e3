import { describe, expect, it } from 'vitest';
import { InMemoryLock } from './in-memory-lock.js';

describe(InMemoryLock.name, () => {
  it('gives a key to one holder at a time', async () => {
    const lock = new InMemoryLock();
    const first = await lock.acquire('item-1', { ttlMs: 1000, waitMs: 0 });
    expect(first).toBeDefined();
    expect(await lock.acquire('item-1', { ttlMs: 1000, waitMs: 0 })).toBeUndefined();
    expect(await lock.acquire('item-2', { ttlMs: 1000, waitMs: 0 })).toBeDefined();
    await first?.release();
    expect(await lock.acquire('item-1', { ttlMs: 1000, waitMs: 0 })).toBeDefined();
  });

  it('lets a waiter take the key when the holder releases it', async () => {
    const lock = new InMemoryLock();
    const first = await lock.acquire('item', { ttlMs: 1000, waitMs: 0 });
    const waiting = lock.acquire('item', { ttlMs: 1000, waitMs: 1000 });
    await first?.release();
    expect(await waiting).toBeDefined();
  });

  it('frees a key whose holder never released it after the TTL', async () => {
    const lock = new InMemoryLock();
    await lock.acquire('item', { ttlMs: 20, waitMs: 0 });
    expect(await lock.acquire('item', { ttlMs: 1000, waitMs: 500 })).toBeDefined();
  });

  it('ignores the release of an expired lease so it cannot free the next holder', async () => {
    const lock = new InMemoryLock();
    const stale = await lock.acquire('item', { ttlMs: 10, waitMs: 0 });
    const current = await lock.acquire('item', { ttlMs: 1000, waitMs: 500 });
    await stale?.release();
    expect(lock.isHeld('item')).toBe(true);
    await current?.release();
    expect(lock.isHeld('item')).toBe(false);
  });
});
