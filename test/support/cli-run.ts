import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from here so `tsx` and the `source` condition resolve. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What one run of the CLI printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI from its TypeScript sources, as `pnpm cutover` does, with colour off; `env` adds variables. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/cli/src/cli.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A temporary workspace holding a copy of the repository's flag files in `flags/`. */
export interface CliWorkspace {
  readonly dir: string;
  readonly flags: string;
  readonly audit: string;
  readonly store: string;
  remove(): Promise<void>;
}

/** Copies `flags/*.flagd.json` into a fresh temporary directory. */
export async function cliWorkspace(): Promise<CliWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-cli-e2e-'));
  const flags = join(dir, 'flags');
  await cp(join(REPO_ROOT, 'flags'), flags, { recursive: true, filter: (source) => !source.endsWith('rollbacks.flagd.json') });
  return {
    dir,
    flags,
    audit: join(dir, '.cutover', 'audit.jsonl'),
    store: join(dir, '.cutover', 'comparisons'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
