// The remote layer against a real flagd: an edit of a served file reaches a
// connected application (in-process: the sync layer) with
// CONFIGURATION_CHANGED and the new value; a rollback flagd's overlay holds
// wins over a request's override and an instance's environment; killing flagd
// under steady traffic costs no evaluation error: the last configuration flagd
// synced keeps answering (marked stale), including a rollback only flagd's
// overlay held, and a restarted flagd is used again; a flagd that hangs
// (SIGSTOP) is noticed within seconds and used again when it resumes.
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import type { Client, EventDetails, Logger } from '@openfeature/server-sdk';
import { CutoverProvider, flagdRemote } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import type { FlagdLayer } from '@cutover/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Flagd, findFlagd } from './support/flagd.js';

const FLAGS_DIR = new URL('../flags/', import.meta.url).pathname;
const NAMES = ['clambake.flagd.json', 'mspbyte.flagd.json', 'nutribot.flagd.json'];
const EDITS = 12;
const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };
const binary = findFlagd();

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe.skipIf(!binary)('flagd remote layer', () => {
  let dir: string;
  let served: string[];
  let overlay: string;
  let flagd: Flagd;
  let provider: CutoverProvider;
  let remote: FlagdLayer;
  let client: Client;
  const events: { type: string; at: number; details?: EventDetails }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-flagd-remote-'));
    served = NAMES.map((name) => join(dir, name));
    await Promise.all(NAMES.map((name) => cp(join(FLAGS_DIR, name), join(dir, name))));
    // The rollback overlay, flagd's last source; the application does not read it itself.
    overlay = join(dir, 'rollbacks.flagd.json');
    await writeFile(overlay, `${JSON.stringify({ flags: {} })}\n`);
    flagd = await Flagd.start({ binary: binary!, files: [...served, overlay] });
    remote = flagdRemote({ resolverType: 'in-process', host: '127.0.0.1', port: flagd.ports.syncPort, retryGracePeriod: 1, logger: silent });
    // The application's own copy of the flag files: what answers before flagd's first sync. bucketing v1: flagd 0.11's.
    provider = new CutoverProvider({ files: NAMES.map((name) => join(FLAGS_DIR, name)), rollbackOverlay: false, watch: false, env: {}, bucketing: 'v1', logger: silent, remote });
    for (const type of [ProviderEvents.Ready, ProviderEvents.Stale, ProviderEvents.Error, ProviderEvents.ConfigurationChanged]) {
      provider.events.addHandler(type, (details) => events.push({ type, at: performance.now(), ...(details ? { details } : {}) }));
    }
    await OpenFeature.setProviderAndWait('flagd-remote-test', provider);
    client = OpenFeature.getClient('flagd-remote-test');
  });

  afterAll(async () => {
    await OpenFeature.clearProviders();
    await flagd?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves flagd values once connected, with source "remote"', async () => {
    const details = await client.getBooleanDetails('clambake.read-only', true);
    expect(details).toMatchObject({ value: false, variant: 'off', flagMetadata: { source: 'remote' } });
    expect(remote.available).toBe(true);
  });

  it('applies an edit of a served file with CONFIGURATION_CHANGED naming the flag (delay p50 and max reported)', async () => {
    const file = served[0]!;
    const original = await readFile(file, 'utf8');
    const delays: number[] = [];
    for (let i = 1; i <= EDITS; i++) {
      const variant = i % 2 === 1 ? 'on' : 'off';
      const changed = new Promise<number>((resolve) => {
        const handler = (details?: EventDetails<ProviderEvents.ConfigurationChanged>): void => {
          if (!details?.flagsChanged?.includes('clambake.read-only')) return;
          provider.events.removeHandler(ProviderEvents.ConfigurationChanged, handler);
          resolve(performance.now());
        };
        provider.events.addHandler(ProviderEvents.ConfigurationChanged, handler);
      });
      const document = JSON.parse(original) as { flags: Record<string, { defaultVariant: string }> };
      document.flags['clambake.read-only']!.defaultVariant = variant;
      const edited = `${JSON.stringify(document, null, 2)}\n`;
      const wrote = performance.now();
      // Written as editors and git do (new file, rename): flagd never reads a half-written file.
      await writeFile(`${file}.tmp`, edited);
      await rename(`${file}.tmp`, file);
      const at = await changed;
      const details = await client.getBooleanDetails('clambake.read-only', false);
      expect(details).toMatchObject({ value: variant === 'on', variant, flagMetadata: { source: 'remote' } });
      delays.push(at - wrote);
      // flagd coalesces nothing: let each edit be read on its own.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await writeFile(file, original);
    console.log(`flagd change propagation over ${EDITS} edits: p50 ${percentile(delays, 50).toFixed(1)} ms, max ${Math.max(...delays).toFixed(1)} ms`);
    expect(Math.max(...delays)).toBeLessThan(2_000);
  });

  it('falls back to the files, STALE and without errors, in rpc mode against a flagd without flagd.evaluation.v2 (v0.11)', async () => {
    // flagd-provider 0.16's rpc resolver speaks flagd.evaluation.v2; flagd 0.11.2 serves only v1.
    const rpc = new CutoverProvider({ files: NAMES.map((name) => join(FLAGS_DIR, name)), rollbackOverlay: false, watch: false, env: {}, logger: silent, remote: flagdRemote({ resolverType: 'rpc', host: '127.0.0.1', port: flagd.ports.port, logger: silent }) });
    await OpenFeature.setProviderAndWait('flagd-rpc-test', rpc);
    const details = await OpenFeature.getClient('flagd-rpc-test').getBooleanDetails('clambake.read-only', true);
    expect(details).toMatchObject({ value: false, reason: 'STALE', flagMetadata: { source: 'file', remoteFallback: true } });
    expect(details.errorCode).toBeUndefined();
  });

  it('serves a rollback only flagd\'s overlay holds over a request\'s override and the instance\'s environment', async () => {
    const flag = 'nutribot.food-detection';
    // An instance told by its environment to go live: the rollback flagd serves must still reach it.
    const pinned = new CutoverProvider({
      files: NAMES.map((name) => join(FLAGS_DIR, name)),
      rollbackOverlay: false,
      watch: false,
      env: { FF_NUTRIBOT_FOOD_DETECTION: 'live' },
      bucketing: 'v1',
      logger: silent,
      remote: flagdRemote({ resolverType: 'in-process', host: '127.0.0.1', port: flagd.ports.syncPort, logger: silent }),
    });
    await OpenFeature.setProviderAndWait('flagd-pinned-test', pinned);
    const instance = OpenFeature.getClient('flagd-pinned-test');
    const request = { targetingKey: 'chat-7', cutoverOverrides: { [flag]: 'live' } };
    expect(await instance.getStringDetails(flag, 'x')).toMatchObject({ value: 'live', flagMetadata: { source: 'env' } });
    expect(await client.getStringDetails(flag, 'x', request)).toMatchObject({ value: 'live', flagMetadata: { source: 'context' } });
    const rollbacks = new Rollback({ files: served, overlay, audit: new AuditLog(join(dir, 'audit.jsonl')), logger: silent });
    expect(await rollbacks.rollback({ flag }, 'manual', { message: 'fleet rollback', by: 'flagd-remote.test' })).toMatchObject({ status: 'completed' });
    try {
      await waitUntil(async () => (await instance.getStringDetails(flag, 'x')).value === 'off' && (await client.getStringDetails(flag, 'x', request)).value === 'off', 5_000);
      for (const details of [await instance.getStringDetails(flag, 'x'), await client.getStringDetails(flag, 'x', request)]) {
        expect(details).toMatchObject({ value: 'off', variant: 'off', flagMetadata: { source: 'remote', rolledBack: true } });
      }
    } finally {
      await rollbacks.clear({ flag }, { reason: 'end of test', by: 'flagd-remote.test' });
    }
    await waitUntil(async () => (await instance.getStringDetails(flag, 'x')).value === 'live', 5_000);
  });

  it('keeps serving the last synced configuration during an outage (a rollback only flagd held included), with no evaluation error, and uses flagd again after a restart', async () => {
    const flag = 'nutribot.food-detection';
    const context = { targetingKey: 'chat-42' };
    // A rollback that only flagd's overlay holds: the application's files still say shadow/live.
    const onlyFlagd = new Rollback({ files: served, overlay, audit: new AuditLog(join(dir, 'audit.jsonl')), logger: silent });
    expect((await onlyFlagd.emergencyRollback({ flag }, 'outage test', { by: 'flagd-remote.test' })).status).toBe('completed');
    await waitUntil(async () => (await client.getStringDetails(flag, 'x', context)).value === 'off', 5_000);
    expect(provider.flagDefinitions().get(flag)?.defaultVariant).not.toBe('off');
    let errors = 0;
    let evaluations = 0;
    const answers = new Map<string, number>();
    const latencies: number[] = [];
    let running = true;
    const traffic = (async () => {
      while (running) {
        const started = performance.now();
        const details = await client.getStringDetails(flag, 'caller-default', context);
        latencies.push(performance.now() - started);
        evaluations++;
        if (details.errorCode) errors++;
        const key = `${details.value} ${String(details.flagMetadata.source)}/${details.reason}${details.flagMetadata.stale ? ' stale' : ''}`;
        answers.set(key, (answers.get(key) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const eventsBefore = events.length;
    await flagd.kill();
    await waitUntil(() => !remote.available, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const outage = await client.getStringDetails(flag, 'caller-default', context);
    expect(outage).toMatchObject({ value: 'off', variant: 'off', flagMetadata: { source: 'remote', stale: true } });
    const restarted = performance.now();
    await flagd.start();
    const flagdReady = performance.now();
    await waitUntil(async () => {
      const details = await client.getStringDetails(flag, 'x', context);
      return details.flagMetadata.source === 'remote' && details.flagMetadata.stale === undefined;
    }, 10_000);
    const reconnected = performance.now();
    running = false;
    await traffic;
    const types = events.slice(eventsBefore).map((event) => event.type);
    console.log(
      `flagd outage: ${evaluations} evaluations, ${errors} errors, served ${JSON.stringify(Object.fromEntries(answers))}; ` +
        `evaluation latency p50 ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms, max ${maxOf(latencies).toFixed(1)} ms; ` +
        `reconnect ${(reconnected - flagdReady).toFixed(0)} ms after flagd was ready (${(reconnected - restarted).toFixed(0)} ms after its restart); events ${types.join(', ')}`,
    );
    expect(errors).toBe(0);
    expect(answers.get('off remote/STATIC stale')).toBeGreaterThan(0);
    expect([...answers.keys()].every((key) => key.startsWith('off remote/'))).toBe(true);
    expect(types).toContain(ProviderEvents.Stale);
    expect(types).toContain(ProviderEvents.Ready);
    // An outage must not add seconds to evaluations; bounds loose enough for a loaded CI machine.
    expect(percentile(latencies, 99)).toBeLessThan(100);
    expect(maxOf(latencies)).toBeLessThan(2000);
  });

  it('notices a hung flagd (SIGSTOP) within a few seconds: STALE, the last synced configuration marked stale; fresh answers and a rollback written meanwhile after SIGCONT', async () => {
    const flag = 'clambake.planner';
    const context = { targetingKey: 'plan-9' };
    await waitUntil(() => remote.available, 10_000);
    const before = (await client.getStringDetails(flag, 'x', context)).value;
    expect(before).not.toBe('off');
    const eventsBefore = events.length;
    const paused = performance.now();
    flagd.pause();
    let noticedMs: number;
    try {
      await waitUntil(() => events.slice(eventsBefore).some((event) => event.type === ProviderEvents.Stale), 15_000);
      noticedMs = performance.now() - paused;
      expect(remote.available).toBe(false);
      expect(await client.getStringDetails(flag, 'x', context)).toMatchObject({ value: before, flagMetadata: { source: 'remote', stale: true } });
      const rollback = new Rollback({ files: served, overlay, audit: new AuditLog(join(dir, 'audit.jsonl')), logger: silent });
      expect(await rollback.rollback({ flag }, 'manual', { message: 'during the hang', by: 'flagd-remote.test' })).toMatchObject({ status: 'completed' });
    } finally {
      flagd.resume();
    }
    const resumed = performance.now();
    await waitUntil(async () => (await client.getStringDetails(flag, 'x', context)).value === 'off', 15_000);
    const rolledBackMs = performance.now() - resumed;
    expect(await client.getStringDetails(flag, 'x', context)).toMatchObject({ value: 'off', flagMetadata: { source: 'remote', rolledBack: true } });
    expect((await client.getStringDetails(flag, 'x', context)).flagMetadata.stale).toBeUndefined();
    const types = events.slice(eventsBefore).map((event) => event.type);
    console.log(`hung flagd: noticed ${noticedMs.toFixed(0)} ms after SIGSTOP; rollback written during the hang served ${rolledBackMs.toFixed(0)} ms after SIGCONT; events ${types.join(', ')}`);
    expect(types).toContain(ProviderEvents.Ready);
    // livenessProbeMs 2000: noticed within about 4 s; the bound leaves room for a loaded machine.
    expect(noticedMs).toBeLessThan(8_000);
  });
});

async function waitUntil(test: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The largest value; `Math.max(...values)` overflows the stack on a few hundred thousand samples. */
function maxOf(values: readonly number[]): number {
  return values.reduce((max, value) => Math.max(max, value), -Infinity);
}
