import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CutoverProvider } from '@cutover/provider';
import type { Layer } from '@cutover/provider';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlagSourceMetrics } from './flag-source-metrics.js';

const flags = (defaultVariant: string) => JSON.stringify({ flags: { f: { state: 'ENABLED', variants: { a: 'a', b: 'b' }, defaultVariant } } });
const quiet = { error() {}, warn() {}, info() {}, debug() {} };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutover-source-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(FlagSourceMetrics.name, () => {
  it('reports the files stale while a rejected edit leaves the last good flags serving', async () => {
    const file = join(dir, 'f.flagd.json');
    await writeFile(file, flags('a'));
    const provider = new CutoverProvider({ files: [file], watch: false, env: {}, logger: quiet });
    await provider.initialize();
    const registry = new Registry();
    const metrics = new FlagSourceMetrics({ registry, provider });
    expect(await metrics.values()).toEqual({ files: 0 });
    await writeFile(file, '{ "flags": ');
    await provider.reloadFile(file);
    expect(await metrics.values()).toEqual({ files: 1 });
    expect(await registry.metrics()).toContain('cutover_flag_source_stale{source="files"} 1');
    await writeFile(file, flags('b'));
    await provider.reloadFile(file);
    expect(await metrics.values()).toEqual({ files: 0 });
  });

  it('reports flagd stale while the remote layer is unavailable', async () => {
    const remote: Layer & { available: boolean } = { name: 'remote', available: true, resolve: () => undefined };
    const provider = new CutoverProvider({ remote, watch: false, env: {}, logger: quiet });
    const metrics = new FlagSourceMetrics({ registry: new Registry(), provider });
    expect((await metrics.values()).flagd).toBe(0);
    remote.available = false;
    expect((await metrics.values()).flagd).toBe(1);
  });
});
