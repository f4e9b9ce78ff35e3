import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlagsDirectoryNotFoundError, findProject } from './project-paths.js';

describe(findProject.name, () => {
  let repo: string;
  beforeEach(async () => {
    repo = await realpath(await mkdtemp(join(tmpdir(), 'cutover-paths-')));
    await mkdir(join(repo, '.git'));
  });
  afterEach(() => rm(repo, { recursive: true, force: true }));

  it('finds flags/ by walking up from a subdirectory and keeps .cutover at the project root', async () => {
    await mkdir(join(repo, 'flags'));
    await writeFile(join(repo, 'flags', 'a.flagd.json'), '{}');
    await mkdir(join(repo, 'src', 'deep'), { recursive: true });
    expect(findProject({ cwd: join(repo, 'src', 'deep'), env: {} })).toEqual({
      root: repo,
      flags: join(repo, 'flags'),
      overlay: join(repo, 'flags', 'rollbacks.flagd.json'),
      audit: join(repo, '.cutover', 'audit.jsonl'),
      comparisons: join(repo, '.cutover', 'comparisons'),
      rollouts: join(repo, '.cutover', 'rollouts'),
      foundBy: 'search',
    });
  });

  it('prefers the option, then the environment variable, then a config file', async () => {
    await writeFile(join(repo, 'cutover.config.json'), JSON.stringify({ flags: 'config/flags', comparisons: '/var/cmp' }));
    expect(findProject({ cwd: repo, env: {} })).toMatchObject({ flags: join(repo, 'config', 'flags'), comparisons: '/var/cmp', foundBy: 'config' });
    expect(findProject({ cwd: repo, env: { CUTOVER_FLAGS_DIR: 'from-env' } })).toMatchObject({ flags: join(repo, 'from-env'), foundBy: 'env' });
    expect(findProject({ cwd: repo, env: { CUTOVER_FLAGS_DIR: 'from-env' }, flags: 'opt' })).toMatchObject({ flags: join(repo, 'opt'), foundBy: 'option' });
  });

  it('says where it looked and how to point at the flags when it finds none, stopping at the repository root', async () => {
    await mkdir(join(repo, 'a', 'b'), { recursive: true });
    let error: unknown;
    try {
      findProject({ cwd: join(repo, 'a', 'b'), env: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FlagsDirectoryNotFoundError);
    expect((error as FlagsDirectoryNotFoundError).looked).toEqual([join(repo, 'a', 'b'), join(repo, 'a'), repo]);
    expect((error as Error).message).toMatch(/pass --flags <dir>, set CUTOVER_FLAGS_DIR, or add cutover\.config\.json/);
  });

  it('names the config file when it is not valid JSON or a path is not a string', async () => {
    await writeFile(join(repo, 'cutover.config.json'), '{ nope');
    expect(() => findProject({ cwd: repo, env: {} })).toThrow(/cutover\.config\.json: /);
    await writeFile(join(repo, 'cutover.config.json'), '{"flags": 3}');
    expect(() => findProject({ cwd: repo, env: {} })).toThrow(/"flags" must be a path/);
  });
});
