import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import type { Client, EventDetails } from '@openfeature/server-sdk';
import { CutoverProvider, parseFlagFile } from '@cutover/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { flagFiles } from '../examples/flag-files.js';

/** Waits for the next event of a kind on a client. */
function nextEvent(client: Client, event: ProviderEvents, timeoutMs = 5000): Promise<EventDetails> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const handler = (details?: EventDetails) => {
      clearTimeout(timer);
      client.removeHandler(event, handler);
      resolve(details!);
    };
    client.addHandler(event, handler);
  });
}

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await OpenFeature.close();
  for (const step of cleanup) await step();
  cleanup = [];
});

describe('the repository flag files', () => {
  it.each(flagFiles())('%s is valid flagd JSON that follows Cutover conventions', async (file) => {
    const set = parseFlagFile(await readFile(file, 'utf8'), file);
    expect(set.flags.size).toBeGreaterThan(0);
  });

  it('serve the example systems’ migrations through the OpenFeature client', async () => {
    await OpenFeature.setProviderAndWait('repo', new CutoverProvider({ files: flagFiles(), watch: false, env: {} }));
    const client = OpenFeature.getClient('repo');
    const shares = { live: 0, shadow: 0 };
    for (let i = 0; i < 2000; i++) {
      const stage = await client.getStringValue('nutribot.food-detection', 'off', { targetingKey: `chat-${i}`, chatId: `chat-${i}` });
      shares[stage as keyof typeof shares]++;
    }
    expect(shares.live / 2000).toBeGreaterThan(0.07);
    expect(shares.live / 2000).toBeLessThan(0.13);
    expect(await client.getStringValue('mspbyte.analyzers', 'x', { tenantId: 'tenant-acme' })).toBe('live');
    expect(await client.getBooleanValue('clambake.read-only', true)).toBe(false);
  });

  it('serve a request override only when it names a stage the flag has', async () => {
    const warnings: string[] = [];
    const logger = { error: () => {}, warn: (message: string) => void warnings.push(message), info: () => {}, debug: () => {} };
    await OpenFeature.setProviderAndWait('overrides', new CutoverProvider({ files: flagFiles(), watch: false, env: {}, logger }));
    const client = OpenFeature.getClient('overrides');
    const context = (stage: string) => ({ targetingKey: 'chat-1', chatId: 'chat-1', cutoverOverrides: { 'journalist.follow-up': stage } });
    expect(await client.getStringDetails('journalist.follow-up', 'off', context('shadow'))).toMatchObject({ value: 'shadow', flagMetadata: { source: 'context' } });
    // journalist.follow-up has off, shadow and live: "complete" is no stage of it.
    expect(await client.getStringDetails('journalist.follow-up', 'off', context('complete'))).toMatchObject({ value: 'off', errorCode: 'TYPE_MISMATCH' });
    expect(warnings).toEqual([expect.stringMatching(/cutoverOverrides\.journalist\.follow-up = "complete" is not a variant of the flag \(off, shadow, live\)/)]);
  });
});

describe('a flag file edited under a running application', () => {
  async function start() {
    const dir = await mkdtemp(join(tmpdir(), 'cutover-e2e-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const source = flagFiles().find((f) => f.endsWith('mspbyte.flagd.json'))!;
    const file = join(dir, basename(source));
    await copyFile(source, file);
    const provider = new CutoverProvider({ files: [file], env: {}, logger: { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } });
    await OpenFeature.setProviderAndWait('edit', provider);
    return { file, client: OpenFeature.getClient('edit'), text: await readFile(file, 'utf8') };
  }

  it('applies a valid change and announces the flags it touched', async () => {
    const { file, client, text } = await start();
    const changed = nextEvent(client, ProviderEvents.ConfigurationChanged);
    await writeFile(file, text.replace('"defaultVariant": "off"', '"defaultVariant": "shadow"'));
    expect((await changed).flagsChanged).toEqual(['mspbyte.analyzers']);
    expect(await client.getStringValue('mspbyte.analyzers', 'x', { tenantId: 'nobody' })).toBe('shadow');
  });

  it('keeps serving the last good values after a broken edit, names the file and position, and recovers', async () => {
    const { file, client, text } = await start();
    const failed = nextEvent(client, ProviderEvents.Error);
    await writeFile(file, text.replace('"live"', '"live",,'));
    const error = await failed;
    expect(error.metadata).toMatchObject({ file, jsonPath: '' });
    expect(error.metadata?.line).toBeGreaterThan(1);
    expect(error.message).toMatch(/invalid JSON/);
    expect(await client.getStringValue('mspbyte.analyzers', 'x', { tenantId: 'tenant-acme' })).toBe('live');

    const ready = nextEvent(client, ProviderEvents.Ready);
    await writeFile(file, text);
    await ready;
    expect(await client.getStringValue('mspbyte.analyzers', 'x', { tenantId: 'tenant-acme' })).toBe('live');
  });

  it('rejects an edit naming an unknown variant with its JSON path, keeping the old rule', async () => {
    const { file, client, text } = await start();
    const failed = nextEvent(client, ProviderEvents.Error);
    await writeFile(file, text.replace('"tenant-initech"]] },\n          "live"', '"tenant-initech"]] },\n          "everything"'));
    const error = await failed;
    expect(error.metadata).toMatchObject({ jsonPath: '/flags/mspbyte.analyzers/targeting/if/1' });
    expect(await client.getStringValue('mspbyte.analyzers', 'x', { tenantId: 'tenant-acme' })).toBe('live');
  });
});
