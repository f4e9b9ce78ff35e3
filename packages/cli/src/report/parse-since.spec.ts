import { describe, expect, it } from 'vitest';
import { parseSince } from './parse-since.js';

describe(parseSince.name, () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('reads durations back from now', () => {
    expect(parseSince('30m', now).toISOString()).toBe('2026-03-10T11:30:00.000Z');
    expect(parseSince('24h', now).toISOString()).toBe('2026-03-09T12:00:00.000Z');
    expect(parseSince('7d', now).toISOString()).toBe('2026-03-03T12:00:00.000Z');
  });
  it('reads dates', () => {
    expect(parseSince('2026-03-01', now).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
  it('rejects anything else, saying what it accepts', () => {
    expect(() => parseSince('yesterday', now)).toThrow(/neither a duration .* nor a date/);
  });
});
