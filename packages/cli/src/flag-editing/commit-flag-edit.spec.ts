import { writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagFileFixture, FIXTURE_TEXT } from '../testing/flag-file-fixture.js';
import type { FlagFileFixture } from '../testing/flag-file-fixture.js';
import { commitFlagEdit } from './commit-flag-edit.js';
import type { PlanFlagEdit } from './commit-flag-edit.js';
import { editJsonText } from './edit-json-text.js';

let fixture: FlagFileFixture;
beforeEach(async () => {
  fixture = await flagFileFixture();
});
afterEach(() => fixture.remove());

/** Sets the planner's defaultVariant on whatever text the file has when the edit is planned. */
const plannerTo = (variant: string): PlanFlagEdit => (flag) => ({
  file: flag.file,
  flagKey: flag.flagKey,
  action: 'stage',
  from: flag.baseline,
  to: variant,
  before: flag.text,
  after: editJsonText(flag.text, ['flags', 'planner', 'defaultVariant'], variant),
  details: {},
  warnings: [],
});

describe(commitFlagEdit.name, () => {
  it('plans the edit again on a file someone changed outside the lock, keeping their change', async () => {
    let plans = 0;
    const edit = await commitFlagEdit(fixture.file, 'planner', (flag) => {
      // The first time, an editor that takes no lock saves the file between our read and our rename.
      if (plans++ === 0) writeFileSync(fixture.file, editJsonText(flag.text, ['flags', 'food', 'defaultVariant'], 'off'));
      return plannerTo('dualwrite')(flag);
    });
    expect(plans).toBe(2);
    expect(edit.written).toBe(true);
    const text = await readFile(fixture.file, 'utf8');
    expect(text).toBe(edit.after);
    expect(text).toContain('"defaultVariant": "off",\n      "targeting"');
    expect(text).toContain('"defaultVariant": "dualwrite"');
  });

  it('refuses with CONCURRENT_EDIT, writing nothing of its own, when the file keeps changing', async () => {
    let saves = 0;
    const keepsChanging: PlanFlagEdit = (flag) => {
      writeFileSync(fixture.file, `${FIXTURE_TEXT}${' '.repeat(++saves)}`);
      return plannerTo('dualwrite')(flag);
    };
    await expect(commitFlagEdit(fixture.file, 'planner', keepsChanging)).rejects.toMatchObject({ code: 'CONCURRENT_EDIT', message: /kept changing .* nothing written/ });
    expect(await readFile(fixture.file, 'utf8')).toBe(`${FIXTURE_TEXT}${' '.repeat(saves)}`);
    expect((await readdir(fixture.dir)).filter((name) => name !== 'app.flagd.json')).toEqual([]);
  });

  it('leaves no lock or temporary behind after a write', async () => {
    const edit = await commitFlagEdit(fixture.file, 'planner', plannerTo('dualwrite'));
    expect(edit.written).toBe(true);
    expect(await readdir(fixture.dir)).toEqual(['app.flagd.json']);
  });
});
