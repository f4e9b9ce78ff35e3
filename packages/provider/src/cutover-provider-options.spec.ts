import { describe, expect, it } from 'vitest';
import { CutoverProviderOptionError, DEFAULT_CUTOVER_PROVIDER_CONFIG, resolveCutoverProviderConfig } from './cutover-provider-options.js';

describe(resolveCutoverProviderConfig.name, () => {
  it('defaults every option', () => {
    const config = resolveCutoverProviderConfig({ env: {} });
    expect(config).toMatchObject({ ...DEFAULT_CUTOVER_PROVIDER_CONFIG, files: [], rollbackOverlay: false });
    expect(config.envPrefix).toBe('FF_');
    expect(config.contextOverrides).toBe(true);
    expect(config.contextOverrideAttribute).toBe('cutoverOverrides');
    expect(config.watch).toBe(true);
    expect(config.strict).toBe(false);
  });

  it('turns strict validation on from CUTOVER_STRICT, below the option', () => {
    expect(resolveCutoverProviderConfig({ env: { CUTOVER_STRICT: 'true' } }).strict).toBe(true);
    expect(resolveCutoverProviderConfig({ env: { CUTOVER_STRICT: 'true' }, strict: false }).strict).toBe(false);
  });

  it('puts the rollback overlay beside the first flag file by default', () => {
    expect(resolveCutoverProviderConfig({ env: {}, files: ['flags/app.flagd.json'] }).rollbackOverlay).toBe('flags/rollbacks.flagd.json');
  });

  it('reads defaults from CUTOVER_* environment variables, below explicit options', () => {
    const env = { CUTOVER_FLAG_FILES: 'a.json, b.json', CUTOVER_ROLLBACK_OVERLAY: 'o.json', CUTOVER_ENV_PREFIX: 'X_' };
    expect(resolveCutoverProviderConfig({ env })).toMatchObject({ files: ['a.json', 'b.json'], rollbackOverlay: 'o.json', envPrefix: 'X_' });
    expect(resolveCutoverProviderConfig({ env, envPrefix: 'Y_', files: ['c.json'] })).toMatchObject({ files: ['c.json'], envPrefix: 'Y_' });
  });

  it('throws an error naming the bad option', () => {
    expect(() => resolveCutoverProviderConfig({ env: {}, watchDebounceMs: -1 })).toThrow(CutoverProviderOptionError);
    expect(() => resolveCutoverProviderConfig({ env: {}, watchDebounceMs: -1 })).toThrow(/"watchDebounceMs"/);
    expect(() => resolveCutoverProviderConfig({ env: {}, files: [''] })).toThrow(/"files\.0"/);
    expect(() => resolveCutoverProviderConfig({ env: {}, contextOverrideAttribute: '' })).toThrow(/"contextOverrideAttribute"/);
    // @ts-expect-error: a string where a boolean belongs, as untyped configuration may give
    expect(() => resolveCutoverProviderConfig({ env: {}, contextOverrides: 'no' })).toThrow(/"contextOverrides"/);
  });
});

describe('env flag options', () => {
  it('refuses an empty env prefix, which would serve $PATH as flag "path"', () => {
    expect(() => resolveCutoverProviderConfig({ env: {}, envPrefix: '' })).toThrow(CutoverProviderOptionError);
    expect(() => resolveCutoverProviderConfig({ env: {}, envPrefix: '' })).toThrow(/envPrefix.*must not be empty.*\$PATH/);
    expect(resolveCutoverProviderConfig({ env: {}, envPrefix: false }).envPrefix).toBe(false);
  });

  it('defaults to no declared env flags and no stage mappings', () => {
    expect(resolveCutoverProviderConfig({ env: {} })).toMatchObject({ envFlags: {}, stages: {} });
  });

  it('names an unknown role and a malformed variable name of a declared env flag', () => {
    expect(() => resolveCutoverProviderConfig({ env: {}, envFlags: { bullmq: { enabled: 'USE_BULLMQ', tenants: 'BULLMQ_TENANTS' } as never } })).toThrow(/envFlags\.bullmq\.tenants/);
    expect(() => resolveCutoverProviderConfig({ env: {}, envFlags: { bullmq: { enabled: 'USE BULLMQ' } } })).toThrow(/envFlags\.bullmq\.enabled.*environment variable name/);
  });

  it('names a stage mapping to a value that is not a stage', () => {
    expect(() => resolveCutoverProviderConfig({ env: {}, stages: { planner: { true: 'on' as never, false: 'off' } } })).toThrow(/stages\.planner/);
  });
});
