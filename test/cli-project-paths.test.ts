import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli-run.js';

function cutover(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', join(REPO_ROOT, 'node_modules/tsx/dist/esm/index.mjs'), join(REPO_ROOT, 'packages/cli/src/cli.ts'), ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', CUTOVER_FLAGS_DIR: '' }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('the CLI outside the repository root', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-paths-e2e-'));
    await mkdir(join(dir, 'project', '.git'), { recursive: true });
    await cp(join(REPO_ROOT, 'flags'), join(dir, 'project', 'flags'), { recursive: true });
    await mkdir(join(dir, 'project', 'src', 'deep'), { recursive: true });
    await mkdir(join(dir, 'elsewhere'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints its version', async () => {
    const result = await cutover(['--version'], dir);
    expect(result).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('finds the project flags from a subdirectory, walking up to the repository root', async () => {
    const result = await cutover(['validate'], join(dir, 'project', 'src', 'deep'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('keeps the audit log at the project root when run from a subdirectory, as the library does', async () => {
    const result = await cutover(['rollback', 'nutribot.food-detection', '--reason', 'from a subdirectory'], join(dir, 'project', 'src', 'deep'));
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'project', '.cutover', 'audit.jsonl'), 'utf8')).toContain('from a subdirectory');
  });

  it('says what it looked for and how to point at the flags when there are none', async () => {
    const result = await cutover(['status'], join(dir, 'elsewhere'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no flags directory found: looked for cutover.config.json and a flags/ directory holding *.flagd.json in ${join(dir, 'elsewhere')}`);
    expect(result.stderr).toContain('pass --flags <dir>, set CUTOVER_FLAGS_DIR');
  });
});
