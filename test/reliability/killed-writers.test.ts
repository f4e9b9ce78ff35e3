// Writers killed with SIGKILL in the middle of their work: rollback writers
// on the overlay, comparison store writers, a flag editor. Afterwards a fresh
// writer of each must succeed, every write a killed one acknowledged must be
// there, and every file must parse (a store file may end in one torn line).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setStage } from '@cutover/cli';
import { FileComparisonStore } from '@cutover/migrate';
import { parseFlagFile } from '@cutover/provider';
import { OverlayFile } from '@cutover/rollback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliWorkspace } from '../support/cli-run.js';
import type { CliWorkspace } from '../support/cli-run.js';
import { startKillableWriter } from '../support/killable-writer.js';
import type { KillableWriter } from '../support/killable-writer.js';
import { seededRandom } from '../support/seeded-random.js';

const OVERLAY_WRITERS = 2;
const STORE_WRITERS = 2;
const LOCK_STALE_MS = 2_000;
const SEED = Number(process.env.CUTOVER_FUZZ_SEED ?? Date.now() % 2 ** 31);
const FLAG = 'journalist.follow-up';

let ws: CliWorkspace;
const writers: KillableWriter[] = [];
beforeEach(async () => {
  ws = await cliWorkspace();
});
afterEach(async () => {
  await Promise.all(writers.splice(0).map((writer) => writer.kill()));
  await ws.remove();
});

describe(`writers killed with SIGKILL mid-write (seed ${SEED})`, () => {
  it('leave files that parse and a lock the next writer gets, with every acknowledged write kept', async () => {
    const random = seededRandom(SEED);
    const overlayPath = join(ws.flags, 'rollbacks.flagd.json');
    const flagFile = join(ws.flags, 'nutribot.flagd.json');
    const overlays = Array.from({ length: OVERLAY_WRITERS }, (_, i) => startKillableWriter('overlay-writer.ts', [overlayPath, `w${i}`, String(LOCK_STALE_MS)]));
    const stores = Array.from({ length: STORE_WRITERS }, () => startKillableWriter('store-writer.ts', [ws.store]));
    const editor = startKillableWriter('flag-editor.ts', [flagFile, FLAG, 'shadow', 'off']);
    writers.push(...overlays, ...stores, editor);
    // Each is killed at its own random moment once it is writing.
    const signals = await Promise.all(
      writers.map(async (writer) => {
        const delay = random() * 400;
        await writer.started;
        await new Promise((resolve) => setTimeout(resolve, delay));
        return writer.kill();
      }),
    );
    expect(signals.every((signal) => signal === 'SIGKILL')).toBe(true);
    const leftLocked = [`${overlayPath}.lock`, `${flagFile}.lock`].filter((lock) => existsSync(lock)).length;

    const started = Date.now();
    await new OverlayFile(overlayPath, { lockStaleMs: LOCK_STALE_MS }).update((flags) => {
      flags.fresh = { state: 'ENABLED', variants: { off: 'off' }, defaultVariant: 'off' };
    });
    const overlayMs = Date.now() - started;
    const overlayKeys = [...parseFlagFile(await readFile(overlayPath, 'utf8'), overlayPath).flags.keys()];
    const acknowledged = overlays.flatMap((writer, i) => Array.from({ length: writer.acks() }, (_, n) => `w${i}-${n}`));
    expect(acknowledged.filter((key) => !overlayKeys.includes(key))).toEqual([]);
    expect(overlayKeys).toContain('fresh');
    expect(overlayMs).toBeLessThan(2 * LOCK_STALE_MS + 3_000);

    // The editor may have been killed between its rename and its ack: the file, not the ack, says where the flag is.
    const current = parseFlagFile(await readFile(flagFile, 'utf8'), flagFile).flags.get(FLAG)!.definition.defaultVariant;
    expect(['shadow', 'off']).toContain(current);
    const stage = current === 'off' ? 'shadow' : 'off';
    const edit = await setStage(flagFile, FLAG, stage, { force: true });
    expect(edit.written).toBe(true);
    expect(parseFlagFile(await readFile(flagFile, 'utf8'), flagFile).flags.get(FLAG)!.definition.defaultVariant).toBe(stage);

    const store = new FileComparisonStore({ directory: ws.store });
    for (let n = 0; n < 10; n++) await store.record({ timestamp: new Date().toISOString(), flagKey: 'fresh.writer', stage: 'shadow', outcome: 'match', legacy: { status: 'ok', durationMs: 1 }, candidate: { status: 'ok', durationMs: 1 }, differences: [] });
    await store.flush();
    const summary = await store.getSummary();
    const storeAcks = stores.reduce((sum, writer) => sum + writer.acks(), 0);
    expect(summary.total).toBeGreaterThanOrEqual(storeAcks + 10);
    let torn = 0;
    for (const name of await readdir(ws.store)) {
      const lines = (await readFile(join(ws.store, name), 'utf8')).split('\n');
      const last = lines.pop();
      for (const line of lines) JSON.parse(line);
      if (last !== '') torn++;
    }
    expect(torn).toBeLessThanOrEqual(STORE_WRITERS);
    await store.close();
    console.log(
      `killed writers (seed ${SEED}): ${writers.length} SIGKILLs, ${leftLocked} lock(s) left held; overlay ${acknowledged.length} acknowledged entries kept, next write after ${overlayMs} ms; ` +
        `store ${storeAcks} acknowledged records, ${summary.total} read, ${torn} torn last line(s); flag editor ${editor.acks()} edits, next edit written`,
    );
  }, 60_000);
});
