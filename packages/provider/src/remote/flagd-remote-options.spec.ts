import { describe, expect, it } from 'vitest';
import { FlagdRemoteOptionError } from './flagd-remote-option-error.js';
import { DEFAULT_FLAGD_REMOTE_CONFIG, resolveFlagdRemoteConfig } from './flagd-remote-options.js';

describe(resolveFlagdRemoteConfig.name, () => {
  it('defaults every option', () => {
    const config = resolveFlagdRemoteConfig({ env: {} });
    expect(config).toMatchObject({ resolverType: 'rpc', host: 'localhost', port: 8013, timeoutMs: 200, retryAfterMs: 1000, retryBackoffMs: 250, retryBackoffMaxMs: 1000 });
    expect(config.timeoutMs).toBe(DEFAULT_FLAGD_REMOTE_CONFIG.timeoutMs);
  });

  it('connects to the sync port by default in in-process mode', () => {
    expect(resolveFlagdRemoteConfig({ env: {}, resolverType: 'in-process' }).port).toBe(8015);
  });

  it('reads FLAGD_* and CUTOVER_FLAGD_TIMEOUT_MS, below explicit options', () => {
    const env = { FLAGD_RESOLVER: 'in-process', FLAGD_HOST: 'flagd', FLAGD_PORT: '9015', CUTOVER_FLAGD_TIMEOUT_MS: '80' };
    expect(resolveFlagdRemoteConfig({ env })).toMatchObject({ resolverType: 'in-process', host: 'flagd', port: 9015, timeoutMs: 80 });
    expect(resolveFlagdRemoteConfig({ env, host: 'other', timeoutMs: 120 })).toMatchObject({ host: 'other', timeoutMs: 120 });
  });

  it('passes flagd-provider options through', () => {
    expect(resolveFlagdRemoteConfig({ env: {}, tls: true, selector: 'flagSetId=nutribot', cache: 'disabled' })).toMatchObject({ tls: true, selector: 'flagSetId=nutribot', cache: 'disabled' });
  });

  it('throws an error naming the bad option', () => {
    expect(() => resolveFlagdRemoteConfig({ env: {}, timeoutMs: 0 })).toThrow(FlagdRemoteOptionError);
    expect(() => resolveFlagdRemoteConfig({ env: {}, timeoutMs: 0 })).toThrow(/"timeoutMs"/);
    expect(() => resolveFlagdRemoteConfig({ env: { FLAGD_PORT: 'eighty' } })).toThrow(/"port"/);
    expect(() => resolveFlagdRemoteConfig({ env: {}, resolverType: 'grpc' as 'rpc' })).toThrow(/"resolverType"/);
    expect(() => resolveFlagdRemoteConfig({ env: {}, cache: 'big' as 'lru' })).toThrow(/"cache"/);
    // A misspelt option is not silently ignored.
    expect(() => resolveFlagdRemoteConfig({ env: {}, ...{ hots: 'flagd' } })).toThrow(/"hots"/);
  });
});
