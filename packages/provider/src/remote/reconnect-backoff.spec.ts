import { describe, expect, it } from 'vitest';
import { ReconnectBackoff } from './reconnect-backoff.js';

describe(ReconnectBackoff.name, () => {
  it('doubles the delay up to the maximum, and starts over after a reset', () => {
    const backoff = new ReconnectBackoff(250, 1000);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([250, 500, 1000, 1000]);
    backoff.reset();
    expect(backoff.next()).toBe(250);
  });
});
