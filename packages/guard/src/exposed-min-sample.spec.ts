import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_CONFIG } from './guard-config.js';
import { evaluateGuard } from './evaluate-guard.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import { exposedConfig, exposedMinSample } from './exposed-min-sample.js';

/** A window where the candidate answered `exposure` of the callers and failed every call. */
function failing(calls: number, exposure?: number): GuardSnapshot {
  const latency = { buckets: [{ le: Infinity, count: calls }] };
  return {
    windowSeconds: 1,
    legacy: { calls: 0, errors: 0, latency: { buckets: [{ le: Infinity, count: 0 }] } },
    candidate: { calls, errors: calls, latency, share: 1 },
    ...(exposure === undefined ? {} : { exposure }),
  };
}

describe(exposedMinSample.name, () => {
  it('waits for minSample while the candidate answers no caller, a tenth of it when it answers all, in proportion between', () => {
    expect(exposedMinSample(100, undefined)).toBe(100);
    expect(exposedMinSample(100, 0)).toBe(100);
    expect(exposedMinSample(100, 0.1)).toBe(91);
    expect(exposedMinSample(100, 0.5)).toBe(55);
    expect(exposedMinSample(100, 1)).toBe(10);
    expect(exposedMinSample(5, 1)).toBe(1);
  });

  it('leaves the config as it is where nothing changes', () => {
    expect(exposedConfig(DEFAULT_GUARD_CONFIG, 0)).toBe(DEFAULT_GUARD_CONFIG);
    expect(exposedConfig(DEFAULT_GUARD_CONFIG, 1).minSample).toBe(10);
  });
});

describe('a failing full cutover', () => {
  it('is judged degraded after a tenth of the minimum sample when the candidate answers every caller', () => {
    expect(evaluateGuard(failing(10, 1)).status).toBe('degraded');
    expect(evaluateGuard(failing(10, 1)).checks.find((c) => c.criterion === 'error-rate')?.sample.minimum).toBe(10);
    expect(evaluateGuard(failing(9, 1)).status).toBe('insufficient-data');
    // In shadow (or with no exposure known), the minimum sample stands.
    expect(evaluateGuard(failing(99, 0)).status).toBe('insufficient-data');
    expect(evaluateGuard(failing(99)).status).toBe('insufficient-data');
  });
});
