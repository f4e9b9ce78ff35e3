import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '@cutover/core';
import { DEFAULT_GUARD_RUN_CONFIG, resolveGuardRunConfig } from './guard-run-config.js';

describe(resolveGuardRunConfig.name, () => {
  it('evaluates every 5 s as "guard" by default, summarizes every 15 minutes and calls the last minute recent', () => {
    expect(resolveGuardRunConfig({}, {})).toEqual({ intervalMs: 5000, actor: 'guard', summaryIntervalMs: 900_000, recentMs: 60_000 });
    expect(DEFAULT_GUARD_RUN_CONFIG.intervalMs).toBe(5000);
  });

  it('reads CUTOVER_GUARD_INTERVAL_MS, and options win over it', () => {
    expect(resolveGuardRunConfig({}, { CUTOVER_GUARD_INTERVAL_MS: '250' }).intervalMs).toBe(250);
    expect(resolveGuardRunConfig({ intervalMs: 100 }, { CUTOVER_GUARD_INTERVAL_MS: '250' }).intervalMs).toBe(100);
  });

  it('reads the summary interval and the recent span from the environment', () => {
    const env = { CUTOVER_GUARD_SUMMARY_INTERVAL_MS: '60000', CUTOVER_GUARD_RECENT_MS: '30000' };
    expect(resolveGuardRunConfig({}, env)).toMatchObject({ summaryIntervalMs: 60_000, recentMs: 30_000 });
  });

  it('names the bad option and the variable it came from', () => {
    expect(() => resolveGuardRunConfig({}, { CUTOVER_GUARD_INTERVAL_MS: 'soon' })).toThrow(/intervalMs.*CUTOVER_GUARD_INTERVAL_MS/);
    expect(() => resolveGuardRunConfig({ actor: '' }, {})).toThrow(InvalidOptionError);
  });
});
