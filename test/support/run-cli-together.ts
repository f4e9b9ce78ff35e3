import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from './cli-run.js';
import type { CliResult } from './cli-run.js';

/**
 * Runs the real CLI once per argument list, all at the same moment: each
 * process loads its modules, then waits at a barrier until every one is
 * ready (see cli-barrier-preload.ts). Resolves with the results in order.
 */
export async function runCliTogether(runs: readonly (readonly string[])[]): Promise<CliResult[]> {
  const barrier = await mkdtemp(join(tmpdir(), 'cutover-cli-barrier-'));
  try {
    const results = runs.map((args) => runOne(args, barrier));
    while ((await readdir(barrier)).filter((name) => name.startsWith('ready-')).length < runs.length) await sleep(5);
    await writeFile(join(barrier, 'go'), '');
    return await Promise.all(results);
  } finally {
    await rm(barrier, { recursive: true, force: true });
  }
}

function runOne(args: readonly string[], barrier: string): Promise<CliResult> {
  const node = ['--conditions=source', '--import', 'tsx', '--import', './test/support/cli-barrier-preload.ts', 'packages/cli/src/cli.ts'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...node, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CUTOVER_TEST_BARRIER: barrier }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
