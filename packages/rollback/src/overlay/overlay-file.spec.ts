import { rmSync } from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollbackWorkspace } from '../testing/rollback-workspace.js';
import type { RollbackWorkspace } from '../testing/rollback-workspace.js';
import { OverlayFile } from './overlay-file.js';

const flag = (variant: string) => ({ state: 'ENABLED' as const, variants: { off: 'off', live: 'live' }, defaultVariant: variant });

let ws: RollbackWorkspace;
beforeEach(async () => {
  ws = await rollbackWorkspace();
});
afterEach(() => ws.remove());

describe(OverlayFile.name, () => {
  it('reads a missing overlay as empty', async () => {
    expect(Object.keys((await new OverlayFile(ws.overlay).read()).flags)).toEqual([]);
  });

  it.each(['__proto__', 'constructor', 'hasOwnProperty'])('keeps a flag keyed %s as an entry like any other', async (key) => {
    const overlay = new OverlayFile(ws.overlay);
    await overlay.update((flags) => {
      flags[key] = flag('off');
      flags.plain = flag('live');
    });
    expect(Object.keys(JSON.parse(await readFile(ws.overlay, 'utf8')).flags)).toEqual([key, 'plain']);
    const { flags } = await overlay.read();
    expect(Object.keys(flags)).toEqual([key, 'plain']);
    expect(flags[key]).toEqual(flag('off'));
    expect(await overlay.update((again) => Object.hasOwn(again, key) && delete again[key])).toBe(true);
    expect(Object.keys((await overlay.read()).flags)).toEqual(['plain']);
  });

  it('removes the temporaries of writers that died before their rename on the next write, and nothing else', async () => {
    const name = basename(ws.overlay);
    const old = [`${name}.4242-0badf00d.tmp`, `${name}.1234567890`];
    const kept = [`${name}.4343-cafe.tmp`, `${name}.bak`, 'other.flagd.json.1234'];
    for (const file of [...old, ...kept]) await writeFile(`${ws.dir}/${file}`, '{');
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of [...old, `${name}.bak`]) await utimes(`${ws.dir}/${file}`, hourAgo, hourAgo);
    await new OverlayFile(ws.overlay).update((flags) => void (flags.a = flag('off')));
    const left = await readdir(ws.dir);
    for (const file of old) expect(left).not.toContain(file);
    for (const file of kept) expect(left).toContain(file);
  });

  it('fails a write whose lock was taken away, leaving the file and no temporary', async () => {
    const overlay = new OverlayFile(ws.overlay);
    await overlay.update((flags) => void (flags.a = flag('off')));
    const before = await readFile(ws.overlay, 'utf8');
    await expect(
      overlay.update((flags) => {
        // Another writer judged the lock stale and broke it while this one was writing.
        rmSync(`${ws.overlay}.lock`, { recursive: true });
        flags.b = flag('off');
      }),
    ).rejects.toThrow(/overlay lock .* was lost/);
    expect(await readFile(ws.overlay, 'utf8')).toBe(before);
    expect((await readdir(ws.dir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });
});
