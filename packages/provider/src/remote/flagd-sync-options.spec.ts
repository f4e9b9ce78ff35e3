import { describe, expect, it } from 'vitest';
import { FlagdRemoteOptionError } from './flagd-remote-option-error.js';
import { DEFAULT_FLAGD_SYNC_CONFIG, resolveFlagdSyncConfig } from './flagd-sync-options.js';

describe(resolveFlagdSyncConfig.name, () => {
  it('defaults every option', () => {
    const config = resolveFlagdSyncConfig({ env: {} });
    expect(config).toMatchObject({ host: 'localhost', port: 8015, tls: false, providerId: 'cutover', deadlineMs: 500, keepAliveTime: 0, livenessProbeMs: 2000, retryBackoffMs: 250, retryBackoffMaxMs: 1000, retryGracePeriod: 5 });
    expect(config).toMatchObject(DEFAULT_FLAGD_SYNC_CONFIG);
    expect(config.selector).toBeUndefined();
  });

  it('reads FLAGD_* variables, below explicit options', () => {
    const env = { FLAGD_HOST: 'flagd', FLAGD_PORT: '9015', FLAGD_TLS: 'true', FLAGD_SOURCE_SELECTOR: 'file:flags/app.flagd.json', FLAGD_RETRY_BACKOFF_MS: '100' };
    expect(resolveFlagdSyncConfig({ env })).toMatchObject({ host: 'flagd', port: 9015, tls: true, selector: 'file:flags/app.flagd.json', retryBackoffMs: 100 });
    expect(resolveFlagdSyncConfig({ env: { ...env, FLAGD_SYNC_PORT: '9016' } }).port).toBe(9016);
    expect(resolveFlagdSyncConfig({ env, host: 'other', port: 1234 })).toMatchObject({ host: 'other', port: 1234 });
    expect(resolveFlagdSyncConfig({ env: { CUTOVER_FLAGD_LIVENESS_PROBE_MS: '500' } }).livenessProbeMs).toBe(500);
  });

  it('throws an error naming the bad option', () => {
    expect(() => resolveFlagdSyncConfig({ env: {}, port: 0 })).toThrow(FlagdRemoteOptionError);
    expect(() => resolveFlagdSyncConfig({ env: {}, port: 0 })).toThrow(/"port"/);
    expect(() => resolveFlagdSyncConfig({ env: { FLAGD_PORT: 'eighty' } })).toThrow(/"port"/);
    expect(() => resolveFlagdSyncConfig({ env: {}, deadlineMs: -1 })).toThrow(/"deadlineMs"/);
    expect(() => resolveFlagdSyncConfig({ env: {}, livenessProbeMs: -1 })).toThrow(/"livenessProbeMs"/);
    expect(() => resolveFlagdSyncConfig({ env: {}, retryBackoffMs: 500, retryBackoffMaxMs: 100 })).toThrow(/"retryBackoffMaxMs"/);
    // A misspelt option is not silently ignored.
    expect(() => resolveFlagdSyncConfig({ env: {}, ...{ prot: 8015 } })).toThrow(/"prot"/);
  });
});
