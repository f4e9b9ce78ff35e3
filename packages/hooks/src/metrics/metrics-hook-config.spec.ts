import { Registry, register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '@cutover/core';
import { DEFAULT_METRICS_HOOK_CONFIG, resolveMetricsHookConfig } from './metrics-hook-config.js';

describe(resolveMetricsHookConfig.name, () => {
  describe('defaults', () => {
    it('uses the global registry, 10 µs to 1 s buckets and bounded cardinality', () => {
      const config = resolveMetricsHookConfig({}, {});
      expect(config.registry).toBe(register);
      expect(config.durationBuckets[0]).toBe(0.00001);
      expect(config.durationBuckets.at(-1)).toBe(1);
      expect(config.maxFlags).toBe(1000);
      expect(config.maxOutcomesPerFlag).toBe(64);
      expect(config).toEqual(DEFAULT_METRICS_HOOK_CONFIG);
    });

    it('treats an option given as undefined as not given', () => {
      expect(resolveMetricsHookConfig({ maxFlags: undefined }, {}).maxFlags).toBe(1000);
    });
  });

  describe('environment', () => {
    it('reads CUTOVER_METRICS_MAX_FLAGS and CUTOVER_METRICS_DURATION_BUCKETS', () => {
      const config = resolveMetricsHookConfig({}, { CUTOVER_METRICS_MAX_FLAGS: '7', CUTOVER_METRICS_DURATION_BUCKETS: '0.001, 0.01' });
      expect(config.maxFlags).toBe(7);
      expect(config.durationBuckets).toEqual([0.001, 0.01]);
    });

    it('lets options win over the environment', () => {
      expect(resolveMetricsHookConfig({ maxFlags: 3 }, { CUTOVER_METRICS_MAX_FLAGS: '7' }).maxFlags).toBe(3);
    });

    it('names the environment variable when its value is unusable', () => {
      expect(() => resolveMetricsHookConfig({}, { CUTOVER_METRICS_MAX_FLAGS: 'many' })).toThrow(/maxFlags.*CUTOVER_METRICS_MAX_FLAGS/);
    });
  });

  describe('validation', () => {
    it.each([
      ['registry', { registry: {} }],
      ['durationBuckets', { durationBuckets: [0.1, 0.01] }],
      ['durationBuckets', { durationBuckets: [] }],
      ['durationBuckets', { durationBuckets: [-1] }],
      ['maxFlags', { maxFlags: 0 }],
      ['maxOutcomesPerFlag', { maxOutcomesPerFlag: 1.5 }],
    ])('rejects a bad %s and names it', (option, options) => {
      const error = catchError(() => resolveMetricsHookConfig(options as never, {}));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toMatchObject({ code: 'INVALID_OPTION', option });
      expect((error as Error).message).toContain(option);
    });

    it('rejects an unknown option, so a typo does not pass silently', () => {
      expect(() => resolveMetricsHookConfig({ maxFlag: 3 } as never, {})).toThrow(InvalidOptionError);
    });

    it('accepts any object shaped like a prom-client registry', () => {
      const registry = new Registry();
      expect(resolveMetricsHookConfig({ registry }, {}).registry).toBe(registry);
    });
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
