import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '@cutover/hooks';
import { DEFAULT_GUARD_RUN_CONFIG, resolveGuardRunConfig } from './guard-run-config.js';

describe(resolveGuardRunConfig.name, () => {
  it('evaluates every 5 s as "guard" by default', () => {
    expect(resolveGuardRunConfig({}, {})).toEqual({ intervalMs: 5000, actor: 'guard' });
    expect(DEFAULT_GUARD_RUN_CONFIG.intervalMs).toBe(5000);
  });

  it('reads CUTOVER_GUARD_INTERVAL_MS, and options win over it', () => {
    expect(resolveGuardRunConfig({}, { CUTOVER_GUARD_INTERVAL_MS: '250' }).intervalMs).toBe(250);
    expect(resolveGuardRunConfig({ intervalMs: 100 }, { CUTOVER_GUARD_INTERVAL_MS: '250' }).intervalMs).toBe(100);
  });

  it('names the bad option and the variable it came from', () => {
    expect(() => resolveGuardRunConfig({}, { CUTOVER_GUARD_INTERVAL_MS: 'soon' })).toThrow(/intervalMs.*CUTOVER_GUARD_INTERVAL_MS/);
    expect(() => resolveGuardRunConfig({ actor: '' }, {})).toThrow(InvalidOptionError);
  });
});
