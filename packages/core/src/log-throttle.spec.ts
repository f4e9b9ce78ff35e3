import { describe, expect, it } from 'vitest';
import { LogThrottle } from './log-throttle.js';

describe(LogThrottle.name, () => {
  it('logs the first ten in full, then one summary per thousand, and counts every occurrence', () => {
    const throttle = new LogThrottle();
    const logs = Array.from({ length: 3000 }, () => throttle.record('compare').log);
    expect(logs.slice(0, 10).every((log) => log === 'full')).toBe(true);
    expect(logs.filter((log) => log === 'summary')).toHaveLength(3);
    expect(logs[999]).toBe('summary');
    expect(throttle.count('compare')).toBe(3000);
  });

  it('counts each kind on its own', () => {
    const throttle = new LogThrottle({ first: 1, every: 2 });
    expect([throttle.record('a').log, throttle.record('b').log, throttle.record('a').log]).toEqual(['full', 'full', 'summary']);
    expect(throttle.counts()).toEqual(new Map([['a', 2], ['b', 1]]));
  });
});
