import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagFileFixture, FIXTURE_TEXT } from '../testing/flag-file-fixture.js';
import type { FlagFileFixture } from '../testing/flag-file-fixture.js';
import { setRollout } from './set-rollout.js';

let fixture: FlagFileFixture;
beforeEach(async () => {
  fixture = await flagFileFixture();
});
afterEach(() => fixture.remove());

describe(setRollout.name, () => {
  it('edits the weights of an existing split in place, keeping the rules around it', async () => {
    const edit = await setRollout(fixture.file, 'food', 25);
    expect(edit.after).toBe(FIXTURE_TEXT.replace('[["live", 10], ["shadow", 90]]', '[["live", 25], ["shadow", 75]]'));
    expect(edit.to).toBe('live 25 % / shadow 75 %');
  });

  it('adds a top-level split after defaultVariant, canary first, on one line', async () => {
    const edit = await setRollout(fixture.file, 'planner', 10);
    expect(edit.after).toContain('"defaultVariant": "off",\n      "targeting": { "fractional": [["dualwrite", 10], ["off", 90]] },\n      "metadata"');
    expect(edit.details).toMatchObject({ target: 'dualwrite', baseline: 'off', percent: 10 });
  });

  it('refuses a canary that skips stages unless forced, and percentages flagd cannot write', async () => {
    await expect(setRollout(fixture.file, 'planner', 10, { target: 'live' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(setRollout(fixture.file, 'planner', 10, { target: 'live', force: true })).resolves.toMatchObject({ to: 'live 10 % / off 90 %' });
    await expect(setRollout(fixture.file, 'planner', 12.5)).rejects.toMatchObject({ code: 'INVALID_PERCENT' });
    await expect(setRollout(fixture.file, 'planner', 101)).rejects.toMatchObject({ code: 'INVALID_PERCENT' });
  });

  it('writes nothing on a dry run', async () => {
    await setRollout(fixture.file, 'food', 50, { dryRun: true });
    expect(await readFile(fixture.file, 'utf8')).toBe(FIXTURE_TEXT);
  });
});

describe('setRollout with a shared cohort', () => {
  it('writes the cohort as flagd\'s bucketing expression, keeps it on the next step, and warns when it reshuffles a live canary', async () => {
    const first = await setRollout(fixture.file, 'planner', 10, { cohort: 'tenants' });
    expect(first.after).toContain('"targeting": { "fractional": [{ "cat": ["tenants", { "var": "targetingKey" }] }, ["dualwrite", 10], ["off", 90]] },');
    expect(first.details).toMatchObject({ cohort: 'tenants' });
    const next = await setRollout(fixture.file, 'planner', 25);
    expect(next.after).toContain('[{ "cat": ["tenants", { "var": "targetingKey" }] }, ["dualwrite", 25], ["off", 75]]');
    expect(next.warnings).toEqual([]);
    const moved = await setRollout(fixture.file, 'food', 10, { cohort: 'chats' });
    expect(moved.after).toContain('{ "fractional": [{ "cat": ["chats", { "var": "targetingKey" }] }, ["live", 10], ["shadow", 90]] }');
    expect(moved.warnings).toEqual(['the split is now bucketed by cohort "chats": which ids are in the canary changes once']);
    await expect(setRollout(fixture.file, 'food', 10, { cohort: ' ' })).rejects.toMatchObject({ code: 'INVALID_COHORT' });
  });
});

describe('setRollout on rules without a split', () => {
  it('puts the split in the final null else branch, leaving the rules the team wrote as they are', async () => {
    const text = FIXTURE_TEXT.replace('{ "fractional": [["live", 10], ["shadow", 90]] }', 'null');
    const own = await flagFileFixture(text);
    try {
      const edit = await setRollout(own.file, 'food', 10);
      expect(edit.after).toBe(text.replace(/null\n(\s+\]\n\s+\},)/, '{ "fractional": [["live", 10], ["shadow", 90]] }\n$1'));
    } finally {
      await own.remove();
    }
  });
});
