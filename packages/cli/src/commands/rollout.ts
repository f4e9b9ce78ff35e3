import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_AUDIT_LOG } from '../command-support/cli-paths.js';
import { runFlagEdit } from '../command-support/run-flag-edit.js';
import type { EditCommandOptions } from '../command-support/run-flag-edit.js';
import { setRollout } from '../flag-editing/set-rollout.js';
import { registerRolloutApprove } from './rollout-approve.js';
import { registerRolloutFinish } from './rollout-finish.js';
import { registerRolloutRun } from './rollout-run.js';
import { registerRolloutStatus } from './rollout-status.js';

/**
 * `cutover rollout <flag> <percent>`: a canary split between the next stage and
 * the current one, edited in git. Its subcommands drive the progressive
 * controller through the overlay: `run`, `approve`, `status`, `finish`.
 */
export function registerRollout(program: Command): void {
  const rollout = program
    .command('rollout')
    .description('send <percent> % of targeting keys to the next stage, the rest stay on the current stage: [[next, p], [current, 100 - p]]')
    .argument('<flag>', 'the migration flag key')
    .argument('<percent>', 'a whole number from 0 to 100', parsePercent)
    .option('--to <stage>', 'the canary stage (default: the split\'s current canary, else the stage after the current one)')
    .option('--dry-run', 'print the diff, write nothing')
    .option('--force', 'canary towards a stage the state machine refuses')
    .option('--cohort <name>', 'bucket by a cohort shared with other flags, so flags at the same percentage pick the same ids')
    .option('--reason <text>', 'why, for the audit log')
    .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
    .option('--json', 'print the edit as JSON')
    .action(async (flagKey: string, percent: number, options: EditCommandOptions & { to?: string; force?: boolean; cohort?: string }, command: Command) => {
      await runFlagEdit(command, flagKey, options, (file) =>
        setRollout(file, flagKey, percent, {
          dryRun: Boolean(options.dryRun),
          force: Boolean(options.force),
          ...(options.to === undefined ? {} : { target: options.to }),
          ...(options.cohort === undefined ? {} : { cohort: options.cohort }),
        }),
      );
    });
  for (const register of [registerRolloutRun, registerRolloutApprove, registerRolloutStatus, registerRolloutFinish]) register(rollout);
}

function parsePercent(value: string): number {
  const percent = Number(value.replace(/%$/, ''));
  if (!/^\d+%?$/.test(value) || percent > 100) throw new InvalidArgumentError('a whole number from 0 to 100');
  return percent;
}
