import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CutoverError } from './cutover-error.js';

/**
 * Where Cutover keeps things, relative to the project root. The CLI, the
 * library defaults and the docs use these and nothing else.
 */
export const DEFAULT_PATHS = {
  /** flagd JSON flag files, edited in git. */
  flags: 'flags',
  /** The rollback overlay, beside the flag files (flagd serves it as its last `--uri`). */
  overlayFile: 'rollbacks.flagd.json',
  /** The audit log of rollbacks and edits. */
  audit: '.cutover/audit.jsonl',
  /** The comparison store's directory (JSONL, one file per day). */
  comparisons: '.cutover/comparisons',
  /** The rollout controller's state, one file per flag. */
  rollouts: '.cutover/rollouts',
} as const;

/** The project configuration file, looked for from the working directory up to the repository root. */
export const CONFIG_FILE = 'cutover.config.json';
/** The environment variable naming the flags directory. */
export const FLAGS_DIR_ENV = 'CUTOVER_FLAGS_DIR';

/** The paths of one project, absolute. */
export interface ProjectPaths {
  /** The directory the relative defaults are resolved against. */
  readonly root: string;
  readonly flags: string;
  readonly overlay: string;
  readonly audit: string;
  readonly comparisons: string;
  readonly rollouts: string;
  /** How the flags directory was found, for messages. */
  readonly foundBy: 'option' | 'env' | 'config' | 'search';
}

/** Where to look. */
export interface FindProjectOptions {
  /** An explicit flags directory (the CLI's `--flags`); relative to `cwd`. */
  readonly flags?: string;
  /** @default process.cwd() */
  readonly cwd?: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** No flags directory could be found; the message says where it looked and how to point at one. */
export class FlagsDirectoryNotFoundError extends CutoverError {
  constructor(readonly looked: readonly string[]) {
    super(
      'FLAGS_DIR_NOT_FOUND',
      `no flags directory found: looked for ${CONFIG_FILE} and a ${DEFAULT_PATHS.flags}/ directory holding *.flagd.json in ${looked.join(', ')}; ` +
        `pass --flags <dir>, set ${FLAGS_DIR_ENV}, or add ${CONFIG_FILE} with {"flags": "<dir>"} at the project root`,
    );
  }
}

interface ConfigFile {
  readonly flags?: string;
  readonly audit?: string;
  readonly comparisons?: string;
  readonly rollouts?: string;
}

/**
 * Finds the project: the `--flags` option, else `CUTOVER_FLAGS_DIR`, else the
 * nearest `cutover.config.json`, else the nearest `flags/` directory holding
 * flag files, searching from `cwd` up to the repository root (the first
 * directory with `.git`) or the file-system root. Relative paths in the
 * config file are relative to it; the `.cutover/` defaults are relative to
 * the project root (the working directory when the flags directory is named
 * explicitly), so every subdirectory sees the same store and audit log.
 */
export function findProject(options: FindProjectOptions = {}): ProjectPaths {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  if (options.flags !== undefined) return pathsOf(cwd, resolve(cwd, options.flags), 'option');
  const fromEnv = env[FLAGS_DIR_ENV];
  if (fromEnv) return pathsOf(cwd, resolve(cwd, fromEnv), 'env');
  const looked: string[] = [];
  for (const dir of ancestors(cwd)) {
    looked.push(dir);
    const config = join(dir, CONFIG_FILE);
    if (existsSync(config)) return fromConfig(dir, config);
    const flags = join(dir, DEFAULT_PATHS.flags);
    if (holdsFlagFiles(flags)) return pathsOf(dir, flags, 'search');
  }
  throw new FlagsDirectoryNotFoundError(looked);
}

function fromConfig(root: string, file: string): ProjectPaths {
  let config: ConfigFile;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as ConfigFile;
  } catch (error) {
    throw new CutoverError('INVALID_CONFIG_FILE', `${file}: ${(error as Error).message}`, { cause: error });
  }
  for (const key of ['flags', 'audit', 'comparisons', 'rollouts'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'string') throw new CutoverError('INVALID_CONFIG_FILE', `${file}: "${key}" must be a path (a string)`);
  }
  const at = (path: string | undefined, fallback: string): string => resolve(root, path ?? fallback);
  return {
    root,
    flags: at(config.flags, DEFAULT_PATHS.flags),
    overlay: join(at(config.flags, DEFAULT_PATHS.flags), DEFAULT_PATHS.overlayFile),
    audit: at(config.audit, DEFAULT_PATHS.audit),
    comparisons: at(config.comparisons, DEFAULT_PATHS.comparisons),
    rollouts: at(config.rollouts, DEFAULT_PATHS.rollouts),
    foundBy: 'config',
  };
}

function pathsOf(root: string, flags: string, foundBy: ProjectPaths['foundBy']): ProjectPaths {
  return {
    root,
    flags,
    overlay: join(flags, DEFAULT_PATHS.overlayFile),
    audit: resolve(root, DEFAULT_PATHS.audit),
    comparisons: resolve(root, DEFAULT_PATHS.comparisons),
    rollouts: resolve(root, DEFAULT_PATHS.rollouts),
    foundBy,
  };
}

/**
 * The flag files in git: every `*.flagd.json` in `directory`, sorted by name
 * (the order flagd is given them, so a later file wins a duplicate key),
 * without the rollback overlay.
 */
export function flagFilesOf(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.flagd.json') && name !== DEFAULT_PATHS.overlayFile)
    .sort()
    .map((name) => join(directory, name));
}

function* ancestors(start: string): Generator<string> {
  let dir = resolve(start);
  for (;;) {
    yield dir;
    if (existsSync(join(dir, '.git'))) return;
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function holdsFlagFiles(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && readdirSync(dir).some((name) => name.endsWith('.flagd.json') || name.endsWith('.flagd.jsonc'));
  } catch {
    return false;
  }
}
