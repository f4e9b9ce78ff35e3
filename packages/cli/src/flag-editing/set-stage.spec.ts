import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagFileFixture, FIXTURE_TEXT } from '../testing/flag-file-fixture.js';
import type { FlagFileFixture } from '../testing/flag-file-fixture.js';
import { FlagEditError } from './flag-edit-error.js';
import { setStage } from './set-stage.js';

let fixture: FlagFileFixture;
beforeEach(async () => {
  fixture = await flagFileFixture();
});
afterEach(() => fixture.remove());

describe(setStage.name, () => {
  it('sets defaultVariant, removes targeting and leaves every other line as it was', async () => {
    const edit = await setStage(fixture.file, 'food', 'live');
    const after = await readFile(fixture.file, 'utf8');
    expect(after).toBe(edit.after);
    expect(after).toContain('"defaultVariant": "live",\n      "metadata"');
    expect(after).not.toContain('fractional');
    const untouched = FIXTURE_TEXT.split('\n').filter((line) => !line.includes('defaultVariant": "shadow"') && !/targeting|"if"|internal|"live",$|fractional|^\s+\]$|^\s+\},$/.test(line));
    for (const line of untouched) expect(after.split('\n')).toContain(line);
    expect(edit.diff).toContain('-      "defaultVariant": "shadow",');
    expect(edit.diff).toContain('+      "defaultVariant": "live",');
    expect(edit.warnings.join()).toContain('removed targeting rules');
    expect(edit.written).toBe(true);
  });

  it('writes nothing on a dry run', async () => {
    const edit = await setStage(fixture.file, 'planner', 'dualwrite', { dryRun: true });
    expect(edit.diff).toContain('+      "defaultVariant": "dualwrite",');
    expect(edit.written).toBe(false);
    expect(await readFile(fixture.file, 'utf8')).toBe(FIXTURE_TEXT);
  });

  it('refuses a skipped stage with the reason, and makes it with force', async () => {
    const refusal = await setStage(fixture.file, 'planner', 'complete').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FlagEditError);
    expect((refusal as FlagEditError).code).toBe('INVALID_TRANSITION');
    expect((refusal as FlagEditError).message).toContain('off → complete skips dualwrite, shadow, live, rampdown');
    expect(await readFile(fixture.file, 'utf8')).toBe(FIXTURE_TEXT);
    const forced = await setStage(fixture.file, 'planner', 'complete', { force: true });
    expect(forced.details).toMatchObject({ from: 'off', to: 'complete', forced: true });
  });

  it('rejects unknown flags, stages the flag lacks and non-migration flags', async () => {
    await expect(setStage(fixture.file, 'nope', 'live')).rejects.toMatchObject({ code: 'FLAG_NOT_FOUND' });
    await expect(setStage(fixture.file, 'food', 'rampdown')).rejects.toMatchObject({ code: 'UNKNOWN_STAGE' });
    await expect(setStage(fixture.file, 'read-only', 'live')).rejects.toMatchObject({ code: 'NOT_A_MIGRATION' });
  });

  it('reports an unchanged file when the flag is already at the stage', async () => {
    const edit = await setStage(fixture.file, 'planner', 'off');
    expect(edit.diff).toBe('');
    expect(edit.written).toBe(false);
  });
});

describe('setStage on targeting rules the team wrote', () => {
  const rules = FIXTURE_TEXT.replace('"live",\n          { "fractional"', '"live",\n          { "ends_with": [{ "var": "chatId" }, "-beta"] },\n          "shadow",\n          { "fractional"');
  let own: FlagFileFixture;
  beforeEach(async () => {
    own = await flagFileFixture(rules.replace('"defaultVariant": "shadow"', '"defaultVariant": "off"').replace('["shadow", 90]', '["off", 90]'));
  });
  afterEach(() => own.remove());

  it('keeps the rules and gives the rollout split\'s share to the new stage, saying so', async () => {
    const edit = await setStage(own.file, 'food', 'shadow');
    expect(edit.after).toContain('"defaultVariant": "shadow",');
    expect(edit.after).toContain('{ "in": [{ "var": "chatId" }, ["internal"]] },\n          "live",\n          { "ends_with"');
    expect(edit.after).toMatch(/"shadow",\n\s+null\n\s+\]/);
    expect(edit.warnings).toEqual([expect.stringMatching(/^kept targeting rules: rules → live, shadow \(default shadow\); the contexts they match keep their answers/)]);
    expect(edit.details).toMatchObject({ targeting: 'kept' });
  });

  it('refuses complete while kept rules serve other stages, naming them, and erases them when asked', async () => {
    await setStage(own.file, 'food', 'shadow');
    await setStage(own.file, 'food', 'live');
    const before = await readFile(own.file, 'utf8');
    const refusal = await setStage(own.file, 'food', 'complete').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'TARGETING_KEPT' });
    expect((refusal as FlagEditError).message).toContain('still send some contexts to live, shadow');
    expect((refusal as FlagEditError).message).toContain('--replace-targeting');
    expect(await readFile(own.file, 'utf8')).toBe(before);
    const erased = await setStage(own.file, 'food', 'complete', { replaceTargeting: true });
    expect(erased.after).not.toContain('targeting');
    expect(erased.warnings.join()).toContain('removed targeting rules');
  });

  it('leaves rules and their split alone when the stage does not change', async () => {
    const edit = await setStage(own.file, 'food', 'off');
    expect(edit.diff).toBe('');
  });
});

describe('setStage to complete, forced', () => {
  it('erases the rules that kept contexts elsewhere, naming them: complete is for everyone', async () => {
    const edit = await setStage(fixture.file, 'food', 'complete', { force: true });
    expect(edit.after).not.toContain('targeting');
    expect(edit.warnings).toContain('forced: removed targeting rules that still sent some contexts to live: rules → live (default complete)');
  });
});
