import { FlagdRemoteLayer } from './flagd-remote-layer.js';
import { FlagdRemoteOptionError } from './flagd-remote-option-error.js';
import { resolveFlagdRemoteConfig } from './flagd-remote-options.js';
import type { FlagdRemoteConfig, FlagdRemoteOptions } from './flagd-remote-options.js';
import { FlagdSyncLayer } from './flagd-sync-layer.js';
import type { FlagdSyncOptions } from './flagd-sync-options.js';

/** A remote layer on flagd: evaluated by flagd (`rpc`) or by Cutover from flagd's sync stream (`in-process`). */
export type FlagdLayer = FlagdRemoteLayer | FlagdSyncLayer;

/** flagd-provider options that only mean something when flagd evaluates (rpc); rejected in in-process mode rather than ignored. */
const RPC_ONLY = ['timeoutMs', 'retryAfterMs', 'cache', 'maxCacheSize', 'streamDeadlineMs', 'defaultAuthority', 'fatalStatusCodes', 'contextEnricher'] as const;

/**
 * The remote layer for `new CutoverProvider({ remote: flagdRemote({ host, port }) })`:
 * flagd answers between the environment and the flag files.
 *
 * - `resolverType: 'in-process'`: a {@link FlagdSyncLayer} on flagd's sync
 *   port; Cutover's evaluator answers from the synced flags with the
 *   provider's `bucketing` (what flagd v0.11 needs).
 * - `resolverType: 'rpc'`: a {@link FlagdRemoteLayer}, `@openfeature/flagd-provider`
 *   asking flagd per evaluation (`flagd.evaluation.v2`).
 * @example
 * const provider = new CutoverProvider({ files: ['flags/nutribot.flagd.json'], bucketing: 'v1', remote: flagdRemote({ resolverType: 'in-process', host: 'flagd' }) });
 */
export function flagdRemote(options: FlagdRemoteOptions = {}): FlagdLayer {
  const config = resolveFlagdRemoteConfig(options);
  return config.resolverType === 'rpc' ? new FlagdRemoteLayer(options) : new FlagdSyncLayer(syncOptions(options, config));
}

/** The in-process options of the sync layer, from the validated common ones; an rpc-only option given explicitly throws. */
function syncOptions(options: FlagdRemoteOptions, config: FlagdRemoteConfig): FlagdSyncOptions {
  const rpcOnly = RPC_ONLY.find((name) => options[name] !== undefined);
  if (rpcOnly) throw new FlagdRemoteOptionError(rpcOnly, 'applies to resolverType "rpc" only (in-process evaluation does not call flagd)');
  const { host, port, tls, socketPath, certPath, selector, deadlineMs, keepAliveTime, livenessProbeMs, retryBackoffMs, retryBackoffMaxMs, retryGracePeriod, env, logger } = config;
  const picked = { host, port, tls, socketPath, certPath, selector, deadlineMs, keepAliveTime, livenessProbeMs, retryBackoffMs, retryBackoffMaxMs, retryGracePeriod, env, logger };
  return Object.fromEntries(Object.entries(picked).filter(([, value]) => value !== undefined)) as FlagdSyncOptions;
}
