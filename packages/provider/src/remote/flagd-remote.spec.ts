import { describe, expect, it } from 'vitest';
import { flagdRemote } from './flagd-remote.js';
import { FlagdRemoteLayer } from './flagd-remote-layer.js';
import { FlagdSyncLayer } from './flagd-sync-layer.js';

describe(flagdRemote.name, () => {
  it('builds the sync layer in in-process mode, on the sync port, with the shared options', () => {
    const layer = flagdRemote({ env: {}, resolverType: 'in-process', host: 'flagd', selector: 'file:a.json', retryGracePeriod: 1 });
    expect(layer).toBeInstanceOf(FlagdSyncLayer);
    expect((layer as FlagdSyncLayer).config).toMatchObject({ host: 'flagd', port: 8015, selector: 'file:a.json', retryGracePeriod: 1, retryBackoffMs: 250, retryBackoffMaxMs: 1000 });
  });

  it('follows FLAGD_RESOLVER', () => {
    expect(flagdRemote({ env: { FLAGD_RESOLVER: 'in-process' } })).toBeInstanceOf(FlagdSyncLayer);
    expect(flagdRemote({ env: {} })).toBeInstanceOf(FlagdRemoteLayer);
  });

  it('rejects an rpc-only option in in-process mode, naming it', () => {
    expect(() => flagdRemote({ env: {}, resolverType: 'in-process', timeoutMs: 100 })).toThrow(/"timeoutMs".*rpc/);
    expect(() => flagdRemote({ env: {}, resolverType: 'in-process', cache: 'lru' })).toThrow(/"cache"/);
  });

  it('probes the sync stream\'s liveness every livenessProbeMs in in-process mode, and rejects the option in rpc mode', () => {
    expect((flagdRemote({ env: {}, resolverType: 'in-process' }) as FlagdSyncLayer).config.livenessProbeMs).toBe(2000);
    expect((flagdRemote({ env: {}, resolverType: 'in-process', livenessProbeMs: 500 }) as FlagdSyncLayer).config.livenessProbeMs).toBe(500);
    expect(() => flagdRemote({ env: {}, resolverType: 'rpc', livenessProbeMs: 500 })).toThrow(/"livenessProbeMs".*in-process/);
  });
});
