import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATION_CONFIG, resolveMigrationConfig } from './migration-config.js';
import { InvalidOptionError } from '@cutover/core';

describe(resolveMigrationConfig.name, () => {
  it('returns the documented defaults', () => {
    expect(resolveMigrationConfig({ env: {} })).toEqual({
      candidateTimeoutMs: 5000,
      maxInFlight: 64,
      sampleRatio: 1,
      noiseRatio: 0,
      fallbackToLegacy: false,
      maxStoredBytes: 16_384,
      maxComparedBytes: 1_048_576,
      lockTtlMs: 30_000,
      lockWaitMs: 0,
      readOnly: false,
      readPreference: 'stage',
      keepMatchValues: false,
    });
    expect(resolveMigrationConfig({ env: {} })).toEqual(DEFAULT_MIGRATION_CONFIG);
  });

  it('lets the environment override defaults and options override the environment', () => {
    const env = { CUTOVER_SAMPLE_RATIO: '0.25', CUTOVER_FALLBACK_TO_LEGACY: 'true', CUTOVER_MAX_IN_FLIGHT: '8' };
    expect(resolveMigrationConfig({ env, options: { maxInFlight: 4 } })).toMatchObject({ sampleRatio: 0.25, fallbackToLegacy: true, maxInFlight: 4 });
  });

  it('throws an error naming the bad option', () => {
    expect(() => resolveMigrationConfig({ env: {}, options: { sampleRatio: 2 } })).toThrow(/"sampleRatio"/);
    expect(() => resolveMigrationConfig({ env: {}, options: { sampleRatio: 2 } })).toThrow(InvalidOptionError);
  });

  it('names the environment variable when the bad value came from there', () => {
    expect(() => resolveMigrationConfig({ env: { CUTOVER_CANDIDATE_TIMEOUT_MS: 'soon' } })).toThrow(/candidateTimeoutMs.*CUTOVER_CANDIDATE_TIMEOUT_MS/);
  });

  it('reads the read-only switch, read preference and match values from the environment, and names a bad one', () => {
    const env = { CUTOVER_READONLY: '1', CUTOVER_READ_PREFERENCE: 'fastest', CUTOVER_KEEP_MATCH_VALUES: 'yes' };
    expect(resolveMigrationConfig({ env })).toMatchObject({ readOnly: true, readPreference: 'fastest', keepMatchValues: true });
    expect(resolveMigrationConfig({ env: {}, options: { readOnly: { env: 'CLAMBAKE_READONLY' } } }).readOnly).toEqual({ env: 'CLAMBAKE_READONLY' });
    expect(() => resolveMigrationConfig({ env: { CUTOVER_READ_PREFERENCE: 'quickest' } })).toThrow(/readPreference.*CUTOVER_READ_PREFERENCE/);
    expect(() => resolveMigrationConfig({ env: {}, options: { readOnly: { variable: 'X' } as never } })).toThrow(/"readOnly"/);
  });

  it('rejects an unknown option', () => {
    expect(() => resolveMigrationConfig({ env: {}, options: { sampleRate: 1 } as never })).toThrow(/sampleRate/);
  });
});
