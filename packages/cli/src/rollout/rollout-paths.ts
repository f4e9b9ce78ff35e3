import type { Command } from 'commander';
import { DEFAULT_ROLLOUT_STATE_DIR } from '@cutover/rollout';

/** The default directory of rollout plans (`<dir>/<flag>.json`), in git beside `flags/`. */
export const DEFAULT_ROLLOUT_PLANS = 'rollouts';

/** The `--state-dir` option every `rollout` subcommand shares. */
export function addStateDirOption(command: Command): Command {
  return command.option('--state-dir <dir>', 'where controllers keep their state', DEFAULT_ROLLOUT_STATE_DIR);
}
