import type { Command } from 'commander';
import { DEFAULT_AUDIT_LOG } from '../command-support/cli-paths.js';

/** Options both `cutover rollout <flag> <percent>` and its subcommands take. */
export interface SharedRolloutOptions {
  readonly audit: string;
  readonly json?: boolean;
  readonly reason?: string;
  readonly force?: boolean;
  readonly to?: string;
}

/**
 * The shared options of a `rollout` subcommand. Commander hands an option the
 * parent `rollout` command also declares (`--audit`, `--json`, `--reason`,
 * `--force`, `--to`) to the parent, wherever it is written on the line, so
 * they are read from both, the subcommand's own first.
 */
export function sharedRolloutOptions(command: Command): SharedRolloutOptions {
  const own = Object.fromEntries(Object.entries(command.opts()).filter(([, value]) => value !== undefined));
  const merged = { ...command.parent?.opts(), ...own } as Partial<SharedRolloutOptions>;
  return { ...merged, audit: merged.audit ?? DEFAULT_AUDIT_LOG };
}
