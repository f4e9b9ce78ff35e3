import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { movePhase } from './move-phase.js';

const migration = (defaultVariant: string, extra: Record<string, string> = {}) => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  defaultVariant,
  metadata: { kind: 'migration', rollbackVariant: 'off', ...extra },
});
const phases = {
  state: 'ENABLED',
  variants: { legacy: 'legacy', one: 'one', two: 'two', odd: 'odd' },
  defaultVariant: 'legacy',
  metadata: { kind: 'phase', rollbackPhase: 'legacy', 'phase.legacy': 'a=off, b=off', 'phase.one': 'a=shadow, b=off', 'phase.two': 'a=live, b=shadow', 'phase.odd': 'a=off, b=shadow' },
};

let dir: string;
let first: string;
let second: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutover-phase-'));
  first = join(dir, 'a.flagd.json');
  second = join(dir, 'b.flagd.json');
  await writeFile(first, `${JSON.stringify({ flags: { a: migration('off'), phases } }, null, 2)}\n`);
  await writeFile(second, `${JSON.stringify({ flags: { b: migration('off', { dependsOn: 'a' }) } }, null, 2)}\n`);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const defaultOf = async (file: string, key: string) => (JSON.parse(await readFile(file, 'utf8')) as { flags: Record<string, { defaultVariant: string }> }).flags[key]!.defaultVariant;

describe(movePhase.name, () => {
  it('moves members in several files and the phase flag, leaving a member already at its stage alone', async () => {
    const move = await movePhase([first, second], 'phases', 'one');
    expect(move.members.map(({ flagKey, from, to, edit }) => [flagKey, from, to, edit !== undefined])).toEqual([['a', 'off', 'shadow', true], ['b', 'off', 'off', false]]);
    expect(move.files.map((file) => [file.file, file.written])).toEqual([[first, true]]);
    expect(await defaultOf(first, 'a')).toBe('shadow');
    expect(await defaultOf(first, 'phases')).toBe('one');
    await movePhase([first, second], 'phases', 'two');
    expect([await defaultOf(first, 'a'), await defaultOf(second, 'b'), await defaultOf(first, 'phases')]).toEqual(['live', 'shadow', 'two']);
  });

  it('names every refused member and writes nothing', async () => {
    const before = [await readFile(first, 'utf8'), await readFile(second, 'utf8')];
    const refusal = await movePhase([first, second], 'phases', 'two').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'PHASE_REFUSED' });
    expect((refusal as Error).message).toContain('a: refusing a: off → live skips shadow');
    const held = await movePhase([first, second], 'phases', 'odd').catch((error: unknown) => error);
    expect((held as Error).message).toContain('b: it dependsOn a, which would serve off: it would be held back at its rollback variant');
    expect([await readFile(first, 'utf8'), await readFile(second, 'utf8')]).toEqual(before);
    await expect(movePhase([first, second], 'phases', 'three')).rejects.toMatchObject({ code: 'INVALID_PHASE' });
    await expect(movePhase([first, second], 'a', 'one')).rejects.toMatchObject({ code: 'INVALID_PHASE' });
  });
});
