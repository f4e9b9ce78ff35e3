import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '@cutover/core';
import { DEFAULT_GUARD_CONFIG } from './guard-config.js';
import { resolveGuardConfig } from './resolve-guard-config.js';

describe(resolveGuardConfig.name, () => {
  describe('defaults', () => {
    it('takes the common rollback thresholds', () => {
      const config = resolveGuardConfig();
      expect(config).toEqual({
        maxErrorRate: 0.05,
        maxErrorRateIncrease: 0.05,
        maxLatencyRatio: 1.5,
        latencyQuantile: 0.95,
        minMatchRate: 0.95,
        minSuccessRate: 0.7,
        minThroughputRatio: 0.9,
        minAvailability: 0.99,
        minTrafficRatio: 0.5,
        offPathLatency: 'report',
        minSample: 100,
        significance: 0.01,
        risk: 'normal',
      });
      expect(config).toEqual(DEFAULT_GUARD_CONFIG);
    });

    it('treats an option given as undefined as not given', () => {
      expect(resolveGuardConfig({ significance: undefined }).significance).toBe(0.01);
    });

    it('returns a frozen config', () => {
      expect(Object.isFrozen(resolveGuardConfig({ minSample: 50 }))).toBe(true);
    });
  });

  describe('risk', () => {
    it('lets a low-risk migration be twice as slow as legacy', () => {
      expect(resolveGuardConfig({ risk: 'low' }).maxLatencyRatio).toBe(2);
    });

    it('keeps an explicit option over the preset', () => {
      expect(resolveGuardConfig({ risk: 'low', maxLatencyRatio: 1.2 }).maxLatencyRatio).toBe(1.2);
    });
  });

  describe('validation', () => {
    it.each([
      ['significance', { significance: 0 }],
      ['significance', { significance: 0.9 }],
      ['maxErrorRate', { maxErrorRate: 1.5 }],
      ['maxLatencyRatio', { maxLatencyRatio: -1 }],
      ['latencyQuantile', { latencyQuantile: 1 }],
      ['minSample', { minSample: 0.5 }],
      ['minMatchRate', { minMatchRate: Number.NaN }],
      ['risk', { risk: 'reckless' }],
      ['maxErrorRatePoints', { maxErrorRatePoints: 0.1 }],
    ])('throws an InvalidOptionError naming %s', (option, options) => {
      const attempt = (): unknown => resolveGuardConfig(options as never);
      expect(attempt).toThrow(InvalidOptionError);
      expect(attempt).toThrow(expect.objectContaining({ option, code: 'INVALID_OPTION' }));
    });
  });
});
