import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { acquireOverlayLock } from '@cutover/rollback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagFileFixture } from '../testing/flag-file-fixture.js';
import type { FlagFileFixture } from '../testing/flag-file-fixture.js';
import { withFlagFileLock } from './flag-file-lock.js';

let fixture: FlagFileFixture;
beforeEach(async () => {
  fixture = await flagFileFixture();
});
afterEach(() => fixture.remove());

describe(withFlagFileLock.name, () => {
  it('breaks the lock and removes the temporary an editor killed mid-edit left behind', async () => {
    const minuteAgo = new Date(Date.now() - 60_000);
    await mkdir(`${fixture.file}.lock`);
    await utimes(`${fixture.file}.lock`, minuteAgo, minuteAgo);
    const temporary = `${fixture.file}.4242-0badf00d.tmp`;
    await writeFile(temporary, '{ "half": ');
    await utimes(temporary, minuteAgo, minuteAgo);
    expect(await withFlagFileLock(fixture.file, () => Promise.resolve('edited'))).toBe('edited');
    expect(await readdir(fixture.dir)).toEqual(['app.flagd.json']);
  });

  it('waits for a live editor to finish, then runs', async () => {
    const held = await acquireOverlayLock(fixture.file);
    let releasedAt = 0;
    setTimeout(() => {
      releasedAt = Date.now();
      void held.release();
    }, 300);
    await withFlagFileLock(fixture.file, async (lock) => {
      expect(releasedAt).toBeGreaterThan(0);
      await lock.assertHeld();
    });
  });

  it('refuses to publish with CONCURRENT_EDIT once the lock was taken away', async () => {
    await expect(
      withFlagFileLock(fixture.file, async (lock) => {
        await rm(`${fixture.file}.lock`, { recursive: true });
        await lock.assertHeld();
      }),
    ).rejects.toMatchObject({ code: 'CONCURRENT_EDIT', message: /nothing written/ });
  });
});
