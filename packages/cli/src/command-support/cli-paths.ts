import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ROLLBACK_OVERLAY_FILE } from '@cutover/provider';

/** The audit log's default path. */
export const DEFAULT_AUDIT_LOG = '.cutover/audit.jsonl';
/** The comparison store's default directory. */
export const DEFAULT_COMPARISON_STORE = '.cutover/comparisons';

/** The program-wide options every command sees. */
export interface GlobalOptions {
  /** The directory of flag files (`--flags`). */
  readonly flags: string;
}

/** The global options as seen from a command. */
export function globalOptions(command: Command): GlobalOptions {
  const { flags } = command.optsWithGlobals<{ flags?: string }>();
  return { flags: flags ?? 'flags' };
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
