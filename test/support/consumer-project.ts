import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './cli-run.js';

/** What one command printed and returned. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end without throwing; the caller judges the result. */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: { ...userEnvironment(), NO_COLOR: '1', ...options.env }, timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * The environment without what a package manager running the tests set for
 * itself (`npm_config_*`, `npm_package_*` …): a user's shell has none of it,
 * and npm warns about pnpm's settings.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'PNPM_SCRIPT_SRC_DIR'));
}

/** Fails with the command's output when it did not exit 0. */
export function expectSuccess(result: CommandResult, what: string): CommandResult {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  return result;
}

/** The workspace's publishable packages: every packages/* whose package.json is not private. */
export async function publishablePackages(): Promise<{ readonly name: string; readonly dir: string }[]> {
  const folders = await readdir(join(REPO_ROOT, 'packages'));
  const packages = [];
  for (const folder of folders.sort()) {
    const dir = join(REPO_ROOT, 'packages', folder);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name: string; private?: boolean };
    if (!manifest.private) packages.push({ name: manifest.name, dir });
  }
  return packages;
}

/** Builds the workspace and packs every publishable package as `pnpm publish` would; returns the tarballs. */
export async function packWorkspace(destination: string): Promise<string[]> {
  expectSuccess(await run('corepack', ['pnpm', 'build'], { cwd: REPO_ROOT }), 'pnpm build');
  await mkdir(destination, { recursive: true });
  for (const { name, dir } of await publishablePackages()) {
    expectSuccess(await run('corepack', ['pnpm', 'pack', '--pack-destination', destination], { cwd: dir }), `pnpm pack ${name}`);
  }
  return (await readdir(destination)).filter((file) => file.endsWith('.tgz')).map((file) => join(destination, file));
}

/** A fresh npm project outside the repository. */
export interface ConsumerProject {
  readonly dir: string;
  /** What `npm install` printed (engine warnings show here). */
  readonly install: CommandResult;
  /** Runs a command in the project (node, npx …). */
  exec(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CommandResult>;
  /** Writes a file of the project. */
  write(path: string, text: string): Promise<void>;
}

/**
 * Creates a project in a temporary directory and installs the tarballs and
 * `extra` registry packages with plain npm, refusing engine mismatches.
 */
export async function consumerProject(tarballs: readonly string[], extra: readonly string[]): Promise<ConsumerProject> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-consumer-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2));
  const install = expectSuccess(
    await run('npm', ['install', '--engine-strict', '--no-audit', '--no-fund', '--loglevel=warn', ...tarballs, ...extra], { cwd: dir }),
    'npm install',
  );
  return {
    dir,
    install,
    exec: (command, args, env) => run(command, args, { cwd: dir, env }),
    async write(path, text) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    },
  };
}
