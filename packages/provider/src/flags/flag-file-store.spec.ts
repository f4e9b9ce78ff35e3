import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { open, rename, symlink, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlagDir } from '../testing/flag-dir.js';
import type { FlagDir } from '../testing/flag-dir.js';
import type { FlagFileError, FlagFileProblem } from './flag-file-error.js';
import { FlagFileStore } from './flag-file-store.js';

const flag = (defaultVariant: string) => ({ state: 'ENABLED', variants: { a: 'a', b: 'b' }, defaultVariant });

/** Collects what a store reports, and lets a test wait for the next report. */
function recorder() {
  const events: Array<{ kind: 'changed'; keys: string[] } | { kind: 'failed'; error: FlagFileError } | { kind: 'recovered' } | { kind: 'warned'; warnings: readonly FlagFileProblem[] }> = [];
  let wake: (() => void) | undefined;
  const push = (event: (typeof events)[number]) => {
    events.push(event);
    wake?.();
  };
  return {
    events,
    listener: {
      changed: (keys: string[]) => push({ kind: 'changed', keys }),
      failed: (error: FlagFileError) => push({ kind: 'failed', error }),
      recovered: () => push({ kind: 'recovered' }),
      warned: (warnings: readonly FlagFileProblem[]) => push({ kind: 'warned', warnings }),
    },
    next: (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} events, got ${JSON.stringify(events)}`)), 5000);
        wake = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        wake();
      }),
  };
}

let dir: FlagDir;
let store: FlagFileStore | undefined;
beforeEach(async () => {
  dir = await createFlagDir();
});
afterEach(async () => {
  store?.close();
  await dir.remove();
});

describe(FlagFileStore.name, () => {
  it('applies a valid edit and names exactly the flags it changed', async () => {
    const file = await dir.write('f.flagd.json', { one: flag('a'), two: flag('a') });
    const rec = recorder();
    store = new FlagFileStore({ files: [file], watch: true, debounceMs: 10, listener: rec.listener });
    await store.load();
    await dir.write('f.flagd.json', { one: flag('b'), two: flag('a'), three: flag('a') });
    await rec.next(1);
    expect(rec.events[0]).toEqual({ kind: 'changed', keys: ['one', 'three'] });
    expect(store.flags().get('one')!.defaultVariant).toBe('b');
  });

  it('keeps the last good flags when an edit is broken, says where, and recovers on the fix', async () => {
    const file = await dir.write('f.flagd.json', { one: flag('a') });
    const rec = recorder();
    store = new FlagFileStore({ files: [file], watch: true, debounceMs: 10, listener: rec.listener });
    await store.load();
    await dir.write('f.flagd.json', JSON.stringify({ flags: { one: flag('zzz') } }, null, 2));
    await rec.next(1);
    const failed = rec.events[0]!;
    expect(failed.kind).toBe('failed');
    if (failed.kind !== 'failed') return;
    expect(failed.error).toMatchObject({ file, jsonPath: '/flags/one/defaultVariant', line: 9 });
    expect(store.flags().get('one')!.defaultVariant).toBe('a');
    expect(store.brokenFiles()).toEqual([file]);
    await dir.write('f.flagd.json', { one: flag('b') });
    await rec.next(3);
    expect(rec.events.slice(1)).toEqual([{ kind: 'recovered' }, { kind: 'changed', keys: ['one'] }]);
  });

  it('follows a file replaced by rename, as editors and git do', async () => {
    const file = await dir.write('f.flagd.json', { one: flag('a') });
    const rec = recorder();
    store = new FlagFileStore({ files: [file], watch: true, debounceMs: 10, listener: rec.listener });
    await store.load();
    const temp = join(dir.path, '.f.flagd.json.tmp');
    await writeFile(temp, JSON.stringify({ flags: { one: flag('b') } }));
    await rename(temp, file);
    await rec.next(1);
    expect(rec.events[0]).toEqual({ kind: 'changed', keys: ['one'] });
  });

  it('treats a missing overlay as empty and picks it up when it appears', async () => {
    const file = await dir.write('f.flagd.json', { one: flag('a') });
    const overlay = join(dir.path, 'rollbacks.flagd.json');
    const rec = recorder();
    store = new FlagFileStore({ files: [file], overlay, watch: true, debounceMs: 10, listener: rec.listener });
    await store.load();
    expect(store.overlaySet()).toBeUndefined();
    await dir.write('rollbacks.flagd.json', { one: flag('b') });
    await rec.next(1);
    expect(store.overlaySet()!.flags.has('one')).toBe(true);
    expect(store.flags().get('one')!.defaultVariant).toBe('b');
  });

  it('reports an unreadable flag file at load and still loads the others', async () => {
    const good = await dir.write('good.flagd.json', { one: flag('a') });
    const rec = recorder();
    store = new FlagFileStore({ files: [join(dir.path, 'missing.flagd.json'), good], watch: false, debounceMs: 10, listener: rec.listener });
    await expect(store.load()).rejects.toThrow(/missing\.flagd\.json: cannot read/);
    expect(store.flags().has('one')).toBe(true);
  });

  it('applies reloads of one file in order, so the last save wins over a slower read of an older one', async () => {
    const file = await dir.write('f.flagd.json', { one: flag('a') });
    store = new FlagFileStore({ files: [file], watch: false, debounceMs: 10, listener: recorder().listener });
    await store.load();
    // The older save is a FIFO: its read lasts until the test writes into it, which
    // makes "a big file still being read when a small one lands" deterministic.
    const fifo = join(dir.path, 'older-save.fifo');
    execFileSync('mkfifo', [fifo]);
    await symlink(fifo, join(dir.path, '.older.tmp'));
    await rename(join(dir.path, '.older.tmp'), file);
    const older = store.reload(file);
    const writer = await openWhenRead(fifo);
    await dir.write('f.flagd.json', { one: flag('a'), two: flag('b') });
    const newer = store.reload(file);
    // Give the newer read time to finish first, as the small save's did; a store that
    // orders its reloads holds it back until the older one is applied.
    await Promise.race([newer, new Promise((resolve) => setTimeout(resolve, 200))]);
    await writer.writeFile(JSON.stringify({ flags: { one: flag('b') } }));
    await writer.close();
    await Promise.all([older, newer]);
    expect(store.flags().get('one')!.defaultVariant).toBe('a');
    expect(store.flags().get('two')!.defaultVariant).toBe('b');
  });

  it('applies an edit with a schema-only deviation and reports its warnings; refuses it when strict', async () => {
    const file = await dir.write('f.flagd.json', { one: flag('a') });
    const rec = recorder();
    store = new FlagFileStore({ files: [file], watch: false, debounceMs: 10, listener: rec.listener });
    await store.load();
    await dir.write('f.flagd.json', { one: { ...flag('b'), state: 'ON' } });
    await store.reload(file);
    // The edit serves at once; the schema's warning follows in a later turn.
    expect(rec.events.map((e) => e.kind)).toEqual(['changed']);
    expect(store.flags().get('one')!.defaultVariant).toBe('b');
    await store.schemaChecked();
    expect(rec.events.map((e) => e.kind)).toEqual(['changed', 'warned']);
    expect(store.warnings()).toMatchObject([{ file, jsonPath: '/flags/one/state' }]);

    const strict = new FlagFileStore({ files: [file], watch: false, debounceMs: 10, strict: true, listener: recorder().listener });
    await expect(strict.load()).rejects.toMatchObject({ file, jsonPath: '/flags/one/state' });
    expect(strict.flags().size).toBe(0);
  });
});

describe('FlagFileStore schema check after serving', () => {
  it("drops a file's schema warnings once a clean save replaces it", async () => {
    const file = await dir.write('f.flagd.json', { one: { ...flag('a'), state: 'ON' } });
    const rec = recorder();
    store = new FlagFileStore({ files: [file], watch: false, debounceMs: 10, listener: rec.listener });
    await store.load();
    await store.schemaChecked();
    expect(store.warnings()).toMatchObject([{ file, jsonPath: '/flags/one/state' }]);
    await dir.write('f.flagd.json', { one: flag('b') });
    await store.reload(file);
    await store.schemaChecked();
    expect(store.warnings()).toEqual([]);
    expect(rec.events.filter((e) => e.kind === 'warned')).toHaveLength(1);
    expect(store.flags().get('one')!.defaultVariant).toBe('b');
  });
});

describe('FlagFileStore schema check after serving, with a listener that throws', () => {
  it('keeps a throwing warned listener from rejecting schemaChecked() or escaping as an unhandled rejection', async () => {
    const file = await dir.write('f.flagd.json', { one: { ...flag('a'), state: 'ON' } });
    const rec = recorder();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      store = new FlagFileStore({
        files: [file],
        watch: false,
        debounceMs: 10,
        listener: {
          ...rec.listener,
          warned: () => {
            throw new Error('logger down');
          },
        },
      });
      await store.load();
      await expect(store.schemaChecked()).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      expect(store.warnings()).toMatchObject([{ file, jsonPath: '/flags/one/state' }]);
      expect(store.flags().get('one')!.defaultVariant).toBe('a');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

/** Opens a FIFO for writing once a reader has it open (non-blocking opens fail with ENXIO until then). */
async function openWhenRead(fifo: string): Promise<FileHandle> {
  for (;;) {
    try {
      return await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO') throw error;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}
