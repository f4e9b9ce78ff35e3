// The SDKs a team would otherwise use, set up offline for the benchmarks:
// LaunchDarkly's server SDK on a TestData source (no network, no events) and
// unleash-client bootstrapped from memory with polling and metrics off.
import { basicLogger, init, TestData } from '@launchdarkly/node-server-sdk';
import type { LDClient } from '@launchdarkly/node-server-sdk';
import { InMemStorageProvider, Unleash } from 'unleash-client';
import type { ClientFeaturesResponse } from 'unleash-client';

/** A LaunchDarkly client serving `flags` (raw flag configurations) from TestData, sending no events. */
export async function launchDarklyClient(flags: readonly Record<string, unknown>[]): Promise<LDClient> {
  const testData = new TestData();
  for (const flag of flags) await testData.usePreconfiguredFlag(flag);
  const client = init('sdk-key-offline', {
    updateProcessor: testData.getFactory(),
    sendEvents: false,
    diagnosticOptOut: true,
    logger: basicLogger({ level: 'none' }),
  });
  await client.waitForInitialization({ timeout: 5 });
  return client;
}

/** A LaunchDarkly flag: variations, and a fallthrough of `rollout` weights (out of 100 000) or one variation. */
export function launchDarklyFlag(key: string, variations: readonly unknown[], fallthrough: { variation: number } | { rollout: { variations: { variation: number; weight: number }[] } }): Record<string, unknown> {
  return { key, version: 1, on: true, variations, fallthrough, offVariation: 0, targets: [], rules: [], prerequisites: [], salt: key, trackEvents: false };
}

/** An Unleash client serving `features` from its bootstrap, offline: no polling, no metrics. */
export async function unleashClient(features: ClientFeaturesResponse['features']): Promise<Unleash> {
  const client = new Unleash({
    appName: 'cutover-bench',
    url: 'http://127.0.0.1:9/unleash/api',
    refreshInterval: 0,
    disableMetrics: true,
    storageProvider: new InMemStorageProvider(),
    bootstrap: { data: [...features] },
    skipInstanceCountWarning: true,
  });
  client.on('error', () => undefined);
  client.on('warn', () => undefined);
  await new Promise<void>((resolve) => (client.isSynchronized() ? resolve() : client.once('synchronized', () => resolve())));
  return client;
}
