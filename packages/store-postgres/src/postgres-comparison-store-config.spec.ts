import { InvalidOptionError } from '@cutover/migrate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POSTGRES_COMPARISON_STORE_CONFIG, resolvePostgresComparisonStoreConfig } from './postgres-comparison-store-config.js';

describe(resolvePostgresComparisonStoreConfig.name, () => {
  it('has defaults for a fleet: batches of 500, a queue of 10 000, 30 days kept', () => {
    expect(resolvePostgresComparisonStoreConfig()).toEqual(DEFAULT_POSTGRES_COMPARISON_STORE_CONFIG);
    expect(DEFAULT_POSTGRES_COMPARISON_STORE_CONFIG).toEqual({
      schema: 'cutover',
      batchSize: 500,
      flushIntervalMs: 50,
      maxQueuedRecords: 10_000,
      retentionDays: 30,
      retryIntervalMs: 1000,
      queryTimeoutMs: 5000,
      poolSize: 4,
    });
  });

  it('names the bad option', () => {
    expect(() => resolvePostgresComparisonStoreConfig({ batchSize: 0 })).toThrow(InvalidOptionError);
    expect(() => resolvePostgresComparisonStoreConfig({ batchSize: 0 })).toThrow(/"batchSize"/);
  });

  it('accepts only plain identifiers as the schema, since it is written into SQL', () => {
    expect(() => resolvePostgresComparisonStoreConfig({ schema: 'x; DROP TABLE y' })).toThrow(/"schema"/);
    expect(resolvePostgresComparisonStoreConfig({ schema: 'fleet_1' }).schema).toBe('fleet_1');
  });
});
