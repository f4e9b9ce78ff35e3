import { spawn } from 'node:child_process';
import { mkdir, readdir, utimes } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollbackWorkspace } from '../testing/rollback-workspace.js';
import type { RollbackWorkspace } from '../testing/rollback-workspace.js';
import { OverlayFile } from './overlay-file.js';
import { acquireOverlayLock } from './overlay-lock.js';

const STALE_MS = 2_000;
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const HOLDER = fileURLToPath(new URL('../testing/hold-overlay-lock.ts', import.meta.url));
const flag = { state: 'ENABLED' as const, variants: { off: 'off' }, defaultVariant: 'off' };

let ws: RollbackWorkspace;
beforeEach(async () => {
  ws = await rollbackWorkspace();
});
afterEach(() => ws.remove());

/** Starts a child that takes the lock and leaves a temporary; resolves once it holds the lock. */
async function lockHolder(path: string) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', HOLDER, path, String(STALE_MS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return child;
}

describe(acquireOverlayLock.name, () => {
  it('lets the next write through after a writer was killed (SIGKILL) holding the lock, and removes its temporary', async () => {
    const holder = await lockHolder(ws.overlay);
    expect((await readdir(ws.dir)).some((file) => file.endsWith('.tmp'))).toBe(true);
    const killed = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    expect(await killed).not.toBe(0);
    const started = Date.now();
    await new OverlayFile(ws.overlay, { lockStaleMs: STALE_MS }).update((flags) => void (flags.after = flag));
    const waitedMs = Date.now() - started;
    expect(waitedMs).toBeLessThan(2 * STALE_MS + 1_000);
    expect(Object.keys((await new OverlayFile(ws.overlay).read()).flags)).toEqual(['after']);
    expect((await readdir(ws.dir)).filter((file) => file.includes('rollbacks.flagd.json.'))).toEqual([]);
  }, 20_000);

  it('waits for a live holder that keeps its lock fresh, even past the stale time, and never breaks it', async () => {
    const held = await acquireOverlayLock(ws.overlay, STALE_MS);
    let released = 0;
    setTimeout(() => {
      released = Date.now();
      void held.release();
    }, STALE_MS + 700);
    await new OverlayFile(ws.overlay, { lockStaleMs: STALE_MS }).update((flags) => void (flags.after = flag));
    expect(released).toBeGreaterThan(0);
    await expect(held.assertHeld()).rejects.toThrow(/lost/);
  }, 20_000);

  it('keeps every entry when many writers find one stale lock at once: only one breaks it at a time', async () => {
    await mkdir(`${ws.overlay}.lock`);
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(`${ws.overlay}.lock`, minuteAgo, minuteAgo);
    const keys = Array.from({ length: 12 }, (_, i) => `flag-${i}`);
    await Promise.all(keys.map((key) => new OverlayFile(ws.overlay, { lockStaleMs: STALE_MS }).update((flags) => void (flags[key] = flag))));
    expect(Object.keys((await new OverlayFile(ws.overlay).read()).flags).sort()).toEqual([...keys].sort());
  }, 20_000);

  it('gives up on a lock held and refreshed for the whole wait', async () => {
    const held = await acquireOverlayLock(ws.overlay, STALE_MS);
    try {
      await expect(acquireOverlayLock(ws.overlay, STALE_MS)).rejects.toThrow(/stayed held/);
    } finally {
      await held.release();
    }
  }, 20_000);
});
