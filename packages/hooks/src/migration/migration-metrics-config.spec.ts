import { register, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '@cutover/core';
import { DEFAULT_MIGRATION_METRICS_CONFIG, resolveMigrationMetricsConfig } from './migration-metrics-config.js';

describe(resolveMigrationMetricsConfig.name, () => {
  it('defaults to the global registry, 256 flags and buckets at most 1.25× apart from 0.5 ms to over 20 s', () => {
    const config = resolveMigrationMetricsConfig({}, {});
    expect(config).toEqual(DEFAULT_MIGRATION_METRICS_CONFIG);
    expect(config.registry).toBe(register);
    expect(config.maxFlags).toBe(256);
    expect(config.nativeMaxBuckets).toBe(320);
    const bounds = config.durationBuckets;
    expect(bounds[0]).toBe(0.0005);
    expect(bounds.at(-1)).toBeGreaterThan(20);
    expect(bounds.every((b, i) => i === 0 || b / bounds[i - 1]! <= 1.25)).toBe(true);
  });

  it('reads the environment, and options win over it', () => {
    const env = { CUTOVER_MIGRATION_DURATION_BUCKETS: '0.1,0.2', CUTOVER_MIGRATION_METRICS_MAX_FLAGS: '9' };
    expect(resolveMigrationMetricsConfig({}, env)).toMatchObject({ durationBuckets: [0.1, 0.2], maxFlags: 9 });
    expect(resolveMigrationMetricsConfig({ maxFlags: 3, registry: new Registry() }, env).maxFlags).toBe(3);
  });

  it('names the bad option, and the variable it came from', () => {
    expect(() => resolveMigrationMetricsConfig({ durationBuckets: [0.2, 0.1] }, {})).toThrow(/durationBuckets.*increase/);
    expect(() => resolveMigrationMetricsConfig({}, { CUTOVER_MIGRATION_METRICS_MAX_FLAGS: 'x' })).toThrow(/maxFlags.*CUTOVER_MIGRATION_METRICS_MAX_FLAGS/);
    expect(() => resolveMigrationMetricsConfig({ maxFlags: 0 }, {})).toThrow(InvalidOptionError);
    expect(() => resolveMigrationMetricsConfig({ nativeMaxBuckets: 2 }, {})).toThrow(/nativeMaxBuckets/);
  });
});
