// `cutover validate` on files that used to make it crash without naming a
// file, hang, or fail a file because another one was broken.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliWorkspace } from '../support/cli-run.js';
import type { CliWorkspace } from '../support/cli-run.js';
import { doublingEvaluators } from '../support/fuzz/crafted-flag-files.js';
import { nestedText } from '../support/fuzz/hostile-json.js';
import { runCliTogether } from '../support/run-cli-together.js';

let ws: CliWorkspace;
beforeEach(async () => {
  ws = await cliWorkspace();
});
afterEach(() => ws.remove());

describe('cutover validate on hostile files', () => {
  it('names file and location of each broken file, in seconds, and validates one file on its own', async () => {
    const broken = {
      'empty.flagd.json': '{}',
      'deep.flagd.json': `{ "flags": {}, "extra": ${nestedText(1_001, 'array')} }`,
      'deeper.flagd.json': `{ "flags": {}, "extra": ${nestedText(100_000, 'object')} }`,
      'refs.flagd.json': doublingEvaluators(20),
    };
    for (const [name, text] of Object.entries(broken)) await writeFile(join(ws.flags, name), text);
    const started = Date.now();
    const [all, one] = await runCliTogether([
      ['--flags', ws.flags, 'validate', '--no-strict'],
      ['--flags', ws.flags, 'validate', join(ws.flags, 'nutribot.flagd.json')],
    ]);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(all!.code).toBe(1);
    expect(all!.stderr).toBe('');
    const lines = all!.stdout.trim().split('\n');
    for (const name of Object.keys(broken)) expect(lines.some((line) => line.startsWith(join(ws.flags, name)))).toBe(true);
    expect(all!.stdout).toContain(`${join(ws.flags, 'deep.flagd.json')}:1:`);
    expect(all!.stdout).toMatch(/refs\.flagd\.json:\d+:\d+: "\$ref"s would copy/);
    expect(lines.at(-1)).toMatch(/7 file\(s\), \d+ flag\(s\): 4 error\(s\)/);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(one!.stdout).toMatch(/1 file\(s\), 2 flag\(s\): 0 error\(s\), 0 warning\(s\)/);
  }, 60_000);
});
