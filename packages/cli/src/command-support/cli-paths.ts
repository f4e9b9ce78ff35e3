import { userInfo } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE, DEFAULT_PATHS, findProject } from '@cutover/core';
import { ROLLBACK_OVERLAY_FILE } from '@cutover/provider';

/** The audit log's default path. */
export const DEFAULT_AUDIT_LOG = DEFAULT_PATHS.audit;
/** The comparison store's default directory. */
export const DEFAULT_COMPARISON_STORE = DEFAULT_PATHS.comparisons;

/** The program-wide options every command sees. */
export interface GlobalOptions {
  /** The directory of flag files (`--flags`). */
  readonly flags: string;
}

/**
 * The global options as seen from a command. Without `--flags` the flags
 * directory is found as the library finds it (`CUTOVER_FLAGS_DIR`,
 * `cutover.config.json`, the nearest `flags/` up to the repository root);
 * when there is none the error says where it looked and how to point at one.
 */
export function globalOptions(command: Command): GlobalOptions {
  const { flags } = command.optsWithGlobals<{ flags?: string }>();
  // Paths print as found: relative to where the command runs, as the user would type them.
  return { flags: flags ?? (relative(process.cwd(), findProject().flags) || '.') };
}

/** The project's configuration file: at the project root, or beside a flags directory named with `--flags`. */
export function projectConfigFile(command: Command, flags: string): string {
  if (command.optsWithGlobals<{ flags?: string }>().flags !== undefined) return join(dirname(resolve(flags)), CONFIG_FILE);
  return join(findProject().root, CONFIG_FILE);
}

// Options whose default is a project path, and the project path each defaults to.
const PROJECT_DEFAULTS = { audit: 'audit', store: 'comparisons' } as const;

/**
 * Resolves the `--audit` and `--store` defaults of `command` (and of the
 * commands above it) against the project root, as `createCutover` does, so a
 * command run from a subdirectory reads and writes the same files as the
 * application. With `--flags` given, the defaults stay relative to where the
 * command runs.
 */
export function applyProjectDefaults(command: Command): void {
  if (command.optsWithGlobals<{ flags?: string }>().flags !== undefined) return;
  let project: ReturnType<typeof findProject>;
  try {
    project = findProject();
  } catch {
    return; // the command says so itself when it needs the flags
  }
  for (let at: Command | null = command; at; at = at.parent) {
    for (const [option, path] of Object.entries(PROJECT_DEFAULTS) as [string, keyof typeof project][]) {
      if (at.getOptionValueSource(option) === 'default') at.setOptionValueWithSource(option, relative(process.cwd(), project[path]) || '.', 'default');
    }
  }
}

/** The rollback overlay of a flag directory. */
export function overlayPath(flagsDir: string): string {
  return join(flagsDir, ROLLBACK_OVERLAY_FILE);
}

/** Who is acting, for audit records: `cli:<user>`. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}
