import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoNow } from './iso-now.js';

describe(isoNow.name, () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the current time in ISO-8601 UTC, to the millisecond', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 2, 1, 23, 59, 59, 999) });
    expect(isoNow()).toBe('2026-03-01T23:59:59.999Z');
    vi.setSystemTime(Date.UTC(2026, 2, 2));
    expect(isoNow()).toBe('2026-03-02T00:00:00.000Z');
  });
});
