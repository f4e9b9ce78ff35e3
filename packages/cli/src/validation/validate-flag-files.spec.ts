import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagFileFixture, FIXTURE_TEXT } from '../testing/flag-file-fixture.js';
import type { FlagFileFixture } from '../testing/flag-file-fixture.js';
import { formatProblem } from './flag-file-problem.js';
import { validateFlagFiles } from './validate-flag-files.js';

let fixture: FlagFileFixture;
beforeEach(async () => {
  fixture = await flagFileFixture();
});
afterEach(() => fixture.remove());

async function write(name: string, text: string): Promise<string> {
  const file = join(fixture.dir, name);
  await writeFile(file, text);
  return file;
}

describe(validateFlagFiles.name, () => {
  it('passes a valid file', async () => {
    const report = await validateFlagFiles({ files: [fixture.file] });
    expect(report).toMatchObject({ errors: 0, warnings: 0, flags: 3 });
  });

  it('reports parseFlagFile’s problem with file, line, column and JSON path', async () => {
    const file = await write('bad.flagd.json', FIXTURE_TEXT.replace('"defaultVariant": "off",\n      "metadata"', '"defaultVariant": "of",\n      "metadata"'));
    const [problem] = (await validateFlagFiles({ files: [file] })).problems;
    expect(formatProblem(problem!)).toBe(`${file}:20:25: defaultVariant names no variant of the flag: "of" (/flags/planner/defaultVariant)`);
  });

  it('rejects fractional weights that are not whole numbers', async () => {
    const file = await write('w.flagd.json', FIXTURE_TEXT.replace('["live", 10]', '["live", 10.5]'));
    const { problems, errors } = await validateFlagFiles({ files: [file] });
    expect(errors).toBe(1);
    expect(problems[0]).toMatchObject({ line: 12, jsonPath: '/flags/food/targeting/if/2/fractional/0/1' });
  });

  it('rejects a dependsOn that names no flag and a dependsOn cycle', async () => {
    const text = FIXTURE_TEXT.replace('"rollbackVariant": "off", "group": "bot"', '"rollbackVariant": "off", "dependsOn": "planner, ghost"').replace(
      '"metadata": { "kind": "migration", "rollbackVariant": "off" }',
      '"metadata": { "kind": "migration", "rollbackVariant": "off", "dependsOn": "food" }',
    );
    const reasons = (await validateFlagFiles({ files: [await write('d.flagd.json', text)] })).problems.map((p) => p.reason);
    expect(reasons).toContain('dependsOn names "ghost", which no flag file defines');
    expect(reasons).toContain('dependsOn cycle: food → planner → food');
  });

  it('warns about a key defined in two files, and resolves dependencies through the context files', async () => {
    const other = await write('z.flagd.json', '{ "flags": { "planner": { "state": "ENABLED", "variants": { "a": 1 }, "defaultVariant": "a", "metadata": { "dependsOn": "read-only" } } } }');
    const report = await validateFlagFiles({ files: [other], context: [fixture.file] });
    expect(report.errors).toBe(0);
    expect(report.problems[0]).toMatchObject({ severity: 'warning', file: other });
    expect(report.problems[0]!.reason).toContain(`also defined in ${fixture.file}:17`);
  });

  it('reports what flagd serves despite its schemas as a warning, and as an error when strict', async () => {
    const file = await write('s.flagd.json', FIXTURE_TEXT.replace('"state": "ENABLED",\n      "variants": { "on": true', '"state": "ON",\n      "variants": { "on": true'));
    const lenient = await validateFlagFiles({ files: [file] });
    expect(lenient).toMatchObject({ errors: 0, warnings: 1 });
    expect(lenient.problems[0]).toMatchObject({ severity: 'warning', jsonPath: '/flags/read-only/state', line: 24 });
    const strict = await validateFlagFiles({ files: [file], strict: true });
    expect(strict).toMatchObject({ errors: 1, warnings: 0 });
    expect(strict.problems[0]).toMatchObject({ severity: 'error', jsonPath: '/flags/read-only/state' });
  });

  it('leaves a computed weight to flagd, and reports a negative one as the schema deviation flagd clamps', async () => {
    const computed = await write('c.flagd.json', FIXTURE_TEXT.replace('["live", 10]', '["live", { "if": [{ "var": "vip" }, 100, 0] }]'));
    expect(await validateFlagFiles({ files: [computed] })).toMatchObject({ errors: 0, warnings: 0 });
    const negative = await write('n.flagd.json', FIXTURE_TEXT.replace('["live", 10]', '["live", -10]'));
    const report = await validateFlagFiles({ files: [negative] });
    expect(report).toMatchObject({ errors: 0, warnings: 1 });
    expect(report.problems[0]).toMatchObject({ jsonPath: '/flags/food/targeting/if/2/fractional/0/1', reason: expect.stringMatching(/flagd schema/) });
  });

  it('reads the flags array of flagd.json, locating its problems by index', async () => {
    const text = JSON.stringify({ flags: [{ key: 'a', state: 'ENABLED', variants: { on: true }, metadata: { dependsOn: 'ghost' } }] }, null, 2);
    const report = await validateFlagFiles({ files: [await write('arr.flagd.json', text)] });
    expect(report).toMatchObject({ flags: 1, errors: 1 });
    expect(report.problems[0]).toMatchObject({ jsonPath: '/flags/0/metadata/dependsOn', line: 10 });
  });

  describe('hostile files', () => {
    const doubling = (count: number) => {
      const evaluators = Array.from({ length: count }, (_, i) => `"e${i + 1}": { "or": [{ "$ref": "e${i}" }, { "$ref": "e${i}" }] }`);
      return `{ "flags": { "f": { "state": "ENABLED", "variants": { "on": true, "off": false }, "defaultVariant": "off",
        "targeting": { "if": [{ "$ref": "e${count}" }, "on", "off"] } } },
        "$evaluators": { "e0": { "==": [{ "var": "tier" }, "gold"] }, ${evaluators.join(', ')} } }`;
    };
    const deep = (depth: number) => `{ "flags": {}, "extra": ${'['.repeat(depth)}${']'.repeat(depth)} }`;

    it('names the file and location of each: no flags key, nesting past the bound, $refs that multiply', async () => {
      const files = [await write('empty.flagd.json', '{}'), await write('deep.flagd.json', deep(1_001)), await write('deeper.flagd.json', deep(100_000)), await write('refs.flagd.json', doubling(20))];
      const started = Date.now();
      const report = await validateFlagFiles({ files });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(report.errors).toBe(4);
      expect(report.problems.map((problem) => [problem.file, problem.jsonPath.slice(0, 20)])).toEqual([
        [files[0], '/flags'],
        [files[1], '/extra/0/0/0/0/0/0/0'],
        [files[2], '/extra/0/0/0/0/0/0/0'],
        [files[3], '/flags/f/targeting/i'],
      ]);
      expect(report.problems.slice(1).map((problem) => problem.line)).toEqual([1, 1, 2]);
      expect(report.problems[3]!.reason).toMatch(/"\$ref"s would copy/);
    });

    it('validates one file however broken the other files of its context are', async () => {
      const context = [fixture.file, await write('empty.flagd.json', '{}'), await write('deeper.flagd.json', deep(100_000)), await write('refs.flagd.json', doubling(24)), await write('junk.flagd.json', '{,,')];
      const report = await validateFlagFiles({ files: [fixture.file], context });
      expect(report).toMatchObject({ files: [fixture.file], errors: 0, warnings: 0, flags: 3 });
    });
  });
});

