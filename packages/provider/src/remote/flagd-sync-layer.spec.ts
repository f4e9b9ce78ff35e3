import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import type { Client, EvaluationContext, EventDetails, Logger } from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CutoverProvider } from '../cutover-provider.js';
import { parseFlagFile } from '../flags/parse-flag-file.js';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { createFlagDir } from '../testing/flag-dir.js';
import { TcpRelay } from '../testing/tcp-relay.js';
import type { FlagDir } from '../testing/flag-dir.js';
import { FakeFlagdSync } from '../testing/fake-flagd-sync.js';
import { FlagdSyncLayer } from './flagd-sync-layer.js';

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

/** A flagd sync payload: the merged flags, with the per-flag fields flagd 0.11 adds. */
function payload(flags: Record<string, object>, sources: Record<string, string> = {}): string {
  const annotated = Object.fromEntries(Object.entries(flags).map(([key, flag]) => [key, { ...flag, source: sources[key] ?? '/srv/flags/app.flagd.json', selector: '' }]));
  return JSON.stringify({ flags: annotated });
}

const planner = (defaultVariant: string) => ({ state: 'ENABLED', variants: { off: 'off', shadow: 'shadow', live: 'live' }, defaultVariant });
const canary = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', targeting: { fractional: [['on', 50], ['off', 50]] } };
const FILE_FLAGS = { planner: planner('shadow'), 'files-only': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' }, canary };

let dir: FlagDir;
let flagd: FakeFlagdSync;
let domain = 0;
const open: CutoverProvider[] = [];

async function connect(options: { bucketing?: BucketingVersion; deadlineMs?: number; retryGracePeriod?: number; env?: Record<string, string>; port?: number; livenessProbeMs?: number } = {}) {
  const file = await dir.write('app.flagd.json', FILE_FLAGS);
  const layer = new FlagdSyncLayer({
    host: '127.0.0.1',
    port: options.port ?? flagd.port,
    env: {},
    logger: silent,
    retryBackoffMs: 20,
    retryBackoffMaxMs: 50,
    deadlineMs: options.deadlineMs ?? 2_000,
    retryGracePeriod: options.retryGracePeriod ?? 60,
    ...(options.livenessProbeMs === undefined ? {} : { livenessProbeMs: options.livenessProbeMs }),
  });
  const provider = new CutoverProvider({ files: [file], watch: false, env: options.env ?? {}, logger: silent, bucketing: options.bucketing ?? 'v2', remote: layer });
  open.push(provider);
  const events: string[] = [];
  for (const type of [ProviderEvents.Ready, ProviderEvents.Stale, ProviderEvents.Error, ProviderEvents.ConfigurationChanged]) {
    provider.events.addHandler(type, (details?: EventDetails) => {
      const flagsChanged = details && 'flagsChanged' in details ? (details as EventDetails<ProviderEvents.ConfigurationChanged>).flagsChanged : undefined;
      events.push(flagsChanged ? `${type} ${flagsChanged.join(',')}` : type);
    });
  }
  const name = `flagd-sync-spec-${domain++}`;
  await OpenFeature.setProviderAndWait(name, provider);
  return { client: OpenFeature.getClient(name), provider, layer, events };
}

async function waitUntil(test: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const plannerOf = (client: Client) => client.getStringDetails('planner', 'caller');

beforeEach(async () => {
  dir = await createFlagDir();
  flagd = new FakeFlagdSync(payload({ planner: planner('live'), canary }));
  await flagd.start();
});
afterEach(async () => {
  await OpenFeature.close();
  for (const provider of open.splice(0)) await provider.onClose();
  flagd.stop();
  await dir.remove();
});

describe(FlagdSyncLayer.name, () => {
  describe('synced', () => {
    it('answers from flagd\'s configuration, named "remote", and asks flagd for every source', async () => {
      const { client, layer } = await connect();
      expect(await plannerOf(client)).toMatchObject({ value: 'live', variant: 'live', reason: 'STATIC', flagMetadata: { source: 'remote' } });
      expect(layer.available).toBe(true);
      expect(flagd.requests).toEqual([{ providerId: 'cutover', selector: '' }]);
    });

    it('lets the files answer a flag flagd does not serve', async () => {
      const { client } = await connect();
      expect(await client.getBooleanDetails('files-only', false)).toMatchObject({ value: true, reason: 'STATIC', flagMetadata: { source: 'file' } });
    });

    it('buckets `fractional` with the provider\'s bucketing version, as the files do (non-ASCII keys included)', async () => {
      const keys = Array.from({ length: 400 }, (_, i) => (i % 2 ? `jürgen-${i}` : `user-${i}`));
      const sides = async (version: BucketingVersion) => {
        const { client } = await connect({ bucketing: version });
        const answers = await Promise.all(keys.map((targetingKey) => client.getBooleanDetails('canary', false, { targetingKey })));
        expect(answers.every((answer) => answer.flagMetadata.source === 'remote')).toBe(true);
        return answers.map((answer) => answer.value);
      };
      const files = (version: BucketingVersion) => {
        const flag = parseFlagFile(JSON.stringify({ flags: { canary } }), 'canary.flagd.json', { bucketing: version }).flags.get('canary')!;
        return keys.map((targetingKey) => flag.evaluate({ targetingKey }).value);
      };
      const [v1, v2] = [await sides('v1'), await sides('v2')];
      expect(v1).toEqual(files('v1'));
      expect(v2).toEqual(files('v2'));
      expect(v1).not.toEqual(v2);
    });
  });

  describe('what flagd serves despite its schemas', () => {
    it('serves a configuration that deviates from the schemas, and a $ref to no evaluator as flagd\'s PARSE_ERROR', async () => {
      const { client, events } = await connect();
      const broken = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', targeting: { if: [{ $ref: 'gone' }, 'on', 'off'] } };
      flagd.push(payload({ planner: { ...planner('off'), state: 'ON' }, canary, broken }));
      await waitUntil(() => events.length > 0);
      expect(events).toEqual([`${ProviderEvents.ConfigurationChanged} broken,planner`]);
      expect(await plannerOf(client)).toMatchObject({ value: 'off', flagMetadata: { source: 'remote' } });
      expect(await client.getBooleanDetails('broken', true)).toMatchObject({ value: true, errorCode: 'PARSE_ERROR', flagMetadata: { source: 'remote' } });
    });

    it('lets the files answer a flag whose synced rule fails when they define it', async () => {
      const { client, events } = await connect();
      flagd.push(payload({ planner: { ...planner('off'), targeting: { if: [{ $ref: 'gone' }, 'live', 'off'] } }, canary }));
      await waitUntil(() => events.length > 0);
      expect(await plannerOf(client)).toMatchObject({ value: 'shadow', flagMetadata: { source: 'file' } });
    });
  });

  describe('rollbacks', () => {
    const rolledBack = { ...planner('off'), metadata: { kind: 'migration', rollbackVariant: 'off', rolledBack: true, rollbackReason: 'error rate' } };

    it('serves a rollback from flagd\'s overlay over context overrides and the environment', async () => {
      flagd.push(payload({ planner: rolledBack, canary }));
      const { client } = await connect({ env: { FF_PLANNER: 'live' } });
      const contexts: EvaluationContext[] = [{}, { cutoverOverrides: { planner: 'live' } }];
      for (const context of contexts) {
        expect(await client.getStringDetails('planner', 'x', context)).toMatchObject({ value: 'off', variant: 'off', flagMetadata: { source: 'remote', rolledBack: true, rollbackReason: 'error rate' } });
      }
    });

    it('keeps the rollback above them while flagd is away, from the last synced configuration', async () => {
      flagd.push(payload({ planner: rolledBack, canary }));
      const { client, layer } = await connect({ env: { FF_PLANNER: 'live' } });
      flagd.stop();
      await waitUntil(() => !layer.available);
      expect(await client.getStringDetails('planner', 'x', { cutoverOverrides: { planner: 'live' } })).toMatchObject({ value: 'off', flagMetadata: { source: 'remote', stale: true, rolledBack: true } });
    });

    it('knows a rollback from flagd 0.11, which drops metadata, by its source: the overlay, serving one variant to everyone', async () => {
      const overlay = { planner: '/srv/flags/rollbacks.flagd.json', canary: '/srv/flags/rollbacks.flagd.json' };
      flagd.push(payload({ planner: planner('off'), canary }, overlay));
      const { client } = await connect({ env: { FF_PLANNER: 'live', FF_CANARY: 'true' } });
      expect(await client.getStringDetails('planner', 'x', { cutoverOverrides: { planner: 'live' } })).toMatchObject({ value: 'off', flagMetadata: { source: 'remote', rolledBack: true } });
      // A rollout step in the overlay carries a split: not a rollback, so the environment still answers.
      expect(await client.getBooleanDetails('canary', false, { targetingKey: 'u1' })).toMatchObject({ value: true, flagMetadata: { source: 'env' } });
    });

    it('lets context overrides and the environment answer above flagd when flagd serves no rollback', async () => {
      const { client } = await connect({ env: { FF_PLANNER: 'off' } });
      expect(await client.getStringDetails('planner', 'x')).toMatchObject({ value: 'off', flagMetadata: { source: 'env' } });
      expect(await client.getStringDetails('planner', 'x', { cutoverOverrides: { planner: 'shadow' } })).toMatchObject({ value: 'shadow', flagMetadata: { source: 'context' } });
    });
  });

  describe('changes', () => {
    it('emits CONFIGURATION_CHANGED naming exactly the flags a push changed, and serves the new values', async () => {
      const { client, events } = await connect();
      flagd.push(payload({ planner: planner('off'), canary }));
      await waitUntil(() => events.length > 0);
      expect(events).toEqual([`${ProviderEvents.ConfigurationChanged} planner`]);
      expect(await plannerOf(client)).toMatchObject({ value: 'off', flagMetadata: { source: 'remote' } });
    });

    it('keeps the last good configuration when flagd sends one it cannot use (ERROR), READY when a good one follows', async () => {
      const { client, events } = await connect();
      flagd.push('{ "flags": { "planner": ');
      await waitUntil(() => events.length > 0);
      expect(events).toEqual([ProviderEvents.Error]);
      expect(await plannerOf(client)).toMatchObject({ value: 'live', flagMetadata: { source: 'remote' } });
      flagd.push(payload({ planner: { ...planner('live'), defaultVariant: 'nowhere' } }));
      await waitUntil(() => events.length > 1);
      expect(await plannerOf(client)).toMatchObject({ value: 'live' });
      flagd.push(payload({ planner: planner('shadow'), canary }));
      await waitUntil(() => events.length > 3);
      expect(events.slice(1)).toEqual([ProviderEvents.Error, ProviderEvents.Ready, `${ProviderEvents.ConfigurationChanged} planner`]);
    });
  });

  describe('outage', () => {
    it('keeps serving the last synced configuration, marked stale, with STALE; READY and fresh answers after reconnecting', async () => {
      const { client, layer, events } = await connect();
      // A rollback only flagd's overlay holds: the files say "shadow".
      flagd.push(payload({ planner: planner('off'), canary }));
      await waitUntil(async () => (await plannerOf(client)).value === 'off');
      flagd.stop();
      await waitUntil(() => !layer.available);
      const during = await plannerOf(client);
      expect(during).toMatchObject({ value: 'off', variant: 'off', reason: 'STATIC', flagMetadata: { source: 'remote', stale: true } });
      expect(during.errorCode).toBeUndefined();
      await flagd.start();
      await waitUntil(() => layer.available);
      expect(await plannerOf(client)).toMatchObject({ value: 'off', flagMetadata: { source: 'remote' } });
      expect((await plannerOf(client)).flagMetadata.stale).toBeUndefined();
      expect(events).toEqual([`${ProviderEvents.ConfigurationChanged} planner`, ProviderEvents.Stale, ProviderEvents.Ready]);
    });

    it('notices a flagd that hangs with its connection open: STALE and stale marks, READY and fresh answers when it resumes', async () => {
      const relay = await TcpRelay.start(flagd.port);
      try {
        const { client, layer, events } = await connect({ port: relay.port, livenessProbeMs: 100 });
        expect(await plannerOf(client)).toMatchObject({ value: 'live', flagMetadata: { source: 'remote' } });
        relay.freeze();
        await waitUntil(() => events.includes(ProviderEvents.Stale), 5_000);
        expect(layer.available).toBe(false);
        expect(await plannerOf(client)).toMatchObject({ value: 'live', flagMetadata: { source: 'remote', stale: true } });
        relay.thaw();
        await waitUntil(() => layer.available, 5_000);
        expect((await plannerOf(client)).flagMetadata.stale).toBeUndefined();
        expect(events).toEqual([ProviderEvents.Stale, ProviderEvents.Ready]);
      } finally {
        await relay.close();
      }
    });

    it('turns STALE into ERROR when flagd stays away longer than retryGracePeriod', async () => {
      const { events } = await connect({ retryGracePeriod: 0.05 });
      flagd.stop();
      await waitUntil(() => events.includes(ProviderEvents.Error));
      expect(events).toEqual([ProviderEvents.Stale, ProviderEvents.Error]);
    });

    it('lets the files answer, marked STALE, until the first configuration arrives; READY with it', async () => {
      flagd.stop();
      const { client, layer, events } = await connect({ deadlineMs: 30 });
      expect(await plannerOf(client)).toMatchObject({ value: 'shadow', reason: 'STALE', flagMetadata: { source: 'file', remoteFallback: true } });
      await waitUntil(() => events.length > 0);
      expect(events).toEqual([ProviderEvents.Stale]);
      await flagd.start();
      await waitUntil(() => layer.available);
      expect(await plannerOf(client)).toMatchObject({ value: 'live', flagMetadata: { source: 'remote' } });
      expect(events).toEqual([ProviderEvents.Stale, ProviderEvents.Ready]);
    });
  });
});
