import { FlagNotFoundError, OpenFeature, OpenFeatureEventEmitter, ProviderEvents } from '@openfeature/server-sdk';
import type { Client, EvaluationContext, EventDetails, FlagValue, JsonValue, Logger, ResolutionDetails } from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CutoverProvider } from '../cutover-provider.js';
import { createFlagDir } from '../testing/flag-dir.js';
import type { FlagDir } from '../testing/flag-dir.js';
import type { FlagdClient } from './flagd-client.js';
import { FlagdRemoteLayer } from './flagd-remote-layer.js';

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

/** A flagd that answers from a table, late when told to, and emits connection events on demand. */
class FakeFlagd implements FlagdClient {
  readonly events = new OpenFeatureEventEmitter();
  readonly answers = new Map<string, ResolutionDetails<FlagValue>>();
  delayMs = 0;
  calls = 0;
  unreachable = false;

  async initialize(): Promise<void> {
    if (this.unreachable) throw new Error('connect ECONNREFUSED 127.0.0.1:8013');
  }

  async onClose(): Promise<void> {}

  resolveBooleanEvaluation(flagKey: string): Promise<ResolutionDetails<boolean>> {
    return this.answer<boolean>(flagKey);
  }

  resolveStringEvaluation(flagKey: string): Promise<ResolutionDetails<string>> {
    return this.answer<string>(flagKey);
  }

  resolveNumberEvaluation(flagKey: string): Promise<ResolutionDetails<number>> {
    return this.answer<number>(flagKey);
  }

  resolveObjectEvaluation<T extends JsonValue>(flagKey: string): Promise<ResolutionDetails<T>> {
    return this.answer<T>(flagKey);
  }

  private async answer<T extends FlagValue>(flagKey: string): Promise<ResolutionDetails<T>> {
    this.calls++;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const answer = this.answers.get(flagKey);
    if (!answer) throw new FlagNotFoundError(`flag: ${flagKey} not found`);
    return answer as ResolutionDetails<T>;
  }
}

let dir: FlagDir;
let fake: FakeFlagd;
let domain = 0;

async function connect(options: { retryAfterMs?: number; env?: Record<string, string> } = {}): Promise<{ client: Client; provider: CutoverProvider; layer: FlagdRemoteLayer; events: string[] }> {
  const file = await dir.write('app.flagd.json', {
    planner: { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow', live: 'live' }, defaultVariant: 'shadow' },
    'files-only': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
  });
  const layer = new FlagdRemoteLayer({ client: fake, env: {}, timeoutMs: 30, retryAfterMs: options.retryAfterMs ?? 60_000, logger: silent });
  const provider = new CutoverProvider({ files: [file], watch: false, env: options.env ?? {}, logger: silent, remote: layer });
  const events: string[] = [];
  for (const type of [ProviderEvents.Ready, ProviderEvents.Stale, ProviderEvents.Error, ProviderEvents.ConfigurationChanged]) {
    provider.events.addHandler(type, (details?: EventDetails) => {
      const flagsChanged = details && 'flagsChanged' in details ? (details as EventDetails<ProviderEvents.ConfigurationChanged>).flagsChanged : undefined;
      events.push(flagsChanged ? `${type} ${flagsChanged.join(',')}` : type);
    });
  }
  const name = `flagd-remote-spec-${domain++}`;
  await OpenFeature.setProviderAndWait(name, provider);
  return { client: OpenFeature.getClient(name), provider, layer, events };
}

beforeEach(async () => {
  dir = await createFlagDir();
  fake = new FakeFlagd();
  fake.answers.set('planner', { value: 'live', variant: 'live', reason: 'TARGETING_MATCH', flagMetadata: {} });
});
afterEach(async () => {
  await OpenFeature.close();
  await dir.remove();
});

describe(FlagdRemoteLayer.name, () => {
  describe('connected', () => {
    it('answers with flagd\'s value, named "remote"', async () => {
      const { client } = await connect();
      expect(await client.getStringDetails('planner', 'off')).toMatchObject({ value: 'live', variant: 'live', reason: 'TARGETING_MATCH', flagMetadata: { source: 'remote' } });
    });

    it('serves the caller\'s default when flagd has no variant to give', async () => {
      fake.answers.set('planner', { value: '', reason: 'DEFAULT', flagMetadata: {} });
      const { client } = await connect();
      expect(await client.getStringDetails('planner', 'caller')).toMatchObject({ value: 'caller', flagMetadata: { source: 'remote' } });
    });

    it('lets the files answer a flag flagd does not know, without calling it stale', async () => {
      const { client, layer } = await connect();
      expect(await client.getBooleanDetails('files-only', false)).toMatchObject({ value: true, reason: 'STATIC', flagMetadata: { source: 'file' } });
      expect(layer.available).toBe(true);
    });

    it('serves a rollback flagd answers with (metadata rolledBack) over context overrides and the environment', async () => {
      fake.answers.set('planner', { value: 'off', variant: 'off', reason: 'STATIC', flagMetadata: { rolledBack: true, rollbackReason: 'error rate' } });
      const { client } = await connect({ env: { FF_PLANNER: 'live' } });
      const contexts: EvaluationContext[] = [{}, { cutoverOverrides: { planner: 'live' } }];
      for (const context of contexts) {
        expect(await client.getStringDetails('planner', 'x', context)).toMatchObject({ value: 'off', variant: 'off', flagMetadata: { source: 'remote', rolledBack: true, rollbackReason: 'error rate' } });
      }
    });

    it('lets context overrides and the environment answer above flagd when flagd serves no rollback', async () => {
      const { client } = await connect({ env: { FF_PLANNER: 'off' } });
      expect(await client.getStringDetails('planner', 'x')).toMatchObject({ value: 'off', flagMetadata: { source: 'env' } });
      expect(await client.getStringDetails('planner', 'x', { cutoverOverrides: { planner: 'shadow' } })).toMatchObject({ value: 'shadow', flagMetadata: { source: 'context' } });
    });

    it('forwards CONFIGURATION_CHANGED with the flags flagd changed', async () => {
      const { events } = await connect();
      fake.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: ['planner'] });
      expect(events).toContain(`${ProviderEvents.ConfigurationChanged} planner`);
    });
  });

  describe('late or failing', () => {
    it('answers from the files, marked STALE, once the deadline passes', async () => {
      // flagd answers after 2 s; the layer's deadline is far shorter, so the
      // answer comes back long before (the bound leaves room for a loaded CI machine).
      fake.delayMs = 2000;
      const { client, events } = await connect();
      const started = performance.now();
      const details = await client.getStringDetails('planner', 'off');
      expect(performance.now() - started).toBeLessThan(1500);
      expect(details).toMatchObject({ value: 'shadow', reason: 'STALE', flagMetadata: { source: 'file', remoteFallback: true } });
      expect(details.errorCode).toBeUndefined();
      expect(events).toContain(ProviderEvents.Stale);
    });

    it('skips flagd after a failure instead of waiting on every call', async () => {
      fake.delayMs = 2000;
      const { client, layer } = await connect();
      await client.getStringDetails('planner', 'off');
      for (let i = 0; i < 20; i++) expect((await client.getStringDetails('planner', 'off')).reason).toBe('STALE');
      // One call reached flagd; the 20 after it never waited on it.
      expect(fake.calls).toBe(1);
      expect(layer.available).toBe(false);
    });

    it('probes flagd after retryAfterMs and uses it again when it answers, with READY', async () => {
      fake.delayMs = 200;
      const { client, events } = await connect({ retryAfterMs: 50 });
      await client.getStringDetails('planner', 'off');
      fake.delayMs = 0;
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(await client.getStringDetails('planner', 'off')).toMatchObject({ value: 'live', flagMetadata: { source: 'remote' } });
      expect(events.slice(-2)).toEqual([ProviderEvents.Stale, ProviderEvents.Ready]);
    });
  });

  describe('connection events', () => {
    it('follows flagd\'s connection: STALE and files while it is away, READY and flagd when it is back', async () => {
      const { client, events } = await connect();
      fake.events.emit(ProviderEvents.Stale, { message: 'streaming connection error' });
      expect(await client.getStringDetails('planner', 'off')).toMatchObject({ value: 'shadow', reason: 'STALE', flagMetadata: { source: 'file', remoteFallback: true } });
      expect(fake.calls).toBe(0);
      fake.events.emit(ProviderEvents.Error, { message: 'not reconnected within 5s' });
      fake.events.emit(ProviderEvents.Ready);
      expect(await client.getStringDetails('planner', 'off')).toMatchObject({ value: 'live', flagMetadata: { source: 'remote' } });
      expect(events).toEqual([ProviderEvents.Stale, ProviderEvents.Error, ProviderEvents.Ready]);
    });

    it('starts from the files, STALE, when flagd is unreachable at start', async () => {
      fake.unreachable = true;
      const { client, events } = await connect();
      expect(await client.getStringDetails('planner', 'off')).toMatchObject({ value: 'shadow', reason: 'STALE' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(events).toEqual([ProviderEvents.Stale]);
      fake.events.emit(ProviderEvents.Ready);
      expect(await client.getStringDetails('planner', 'off')).toMatchObject({ value: 'live', flagMetadata: { source: 'remote' } });
    });
  });
});
