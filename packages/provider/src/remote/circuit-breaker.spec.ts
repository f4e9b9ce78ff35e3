import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

function breaker(): { breaker: CircuitBreaker; clock: { now: number }; log: string[] } {
  const clock = { now: 0 };
  const log: string[] = [];
  const b = new CircuitBreaker({ retryAfterMs: 100, now: () => clock.now, onOpen: () => log.push('open'), onClose: () => log.push('close') });
  return { breaker: b, clock, log };
}

describe(CircuitBreaker.name, () => {
  it('lets every call through while closed', () => {
    const { breaker: b } = breaker();
    expect([b.allow(), b.allow()]).toEqual(['closed', 'closed']);
  });

  it('refuses calls for retryAfterMs after a failure, then lets one probe through', () => {
    const { breaker: b, clock, log } = breaker();
    b.failed();
    expect(log).toEqual(['open']);
    clock.now = 99;
    expect(b.allow()).toBe(false);
    clock.now = 100;
    expect(b.allow()).toBe('probe');
    expect(b.allow()).toBe(false);
  });

  it('closes when the probe succeeds, not when a call sent before the failure does', () => {
    const { breaker: b, clock, log } = breaker();
    const early = b.allow();
    b.failed();
    b.succeeded(early);
    expect(b.isOpen).toBe(true);
    clock.now = 100;
    b.succeeded(b.allow());
    expect(b.isOpen).toBe(false);
    expect(log).toEqual(['open', 'close']);
  });

  it('re-opens for another retryAfterMs when the probe fails', () => {
    const { breaker: b, clock, log } = breaker();
    b.failed();
    clock.now = 100;
    expect(b.allow()).toBe('probe');
    b.failed();
    clock.now = 150;
    expect(b.allow()).toBe(false);
    expect(log).toEqual(['open']);
  });
});
