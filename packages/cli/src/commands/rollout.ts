import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_AUDIT_LOG } from '../command-support/cli-paths.js';
import { runFlagEdit } from '../command-support/run-flag-edit.js';
import type { EditCommandOptions } from '../command-support/run-flag-edit.js';
import { setRollout } from '../flag-editing/set-rollout.js';

/** `cutover rollout <flag> <percent>`: a canary split between the next stage and the current one. */
export function registerRollout(program: Command): void {
  program
    .command('rollout')
    .description('send <percent> % of targeting keys to the next stage, the rest stay on the current stage: [[next, p], [current, 100 - p]]')
    .argument('<flag>', 'the migration flag key')
    .argument('<percent>', 'a whole number from 0 to 100', parsePercent)
    .option('--to <stage>', 'the canary stage (default: the split\'s current canary, else the stage after the current one)')
    .option('--dry-run', 'print the diff, write nothing')
    .option('--force', 'canary towards a stage the state machine refuses')
    .option('--reason <text>', 'why, for the audit log')
    .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
    .option('--json', 'print the edit as JSON')
    .action(async (flagKey: string, percent: number, options: EditCommandOptions & { to?: string; force?: boolean }, command: Command) => {
      await runFlagEdit(command, flagKey, options, (file) =>
        setRollout(file, flagKey, percent, {
          dryRun: Boolean(options.dryRun),
          force: Boolean(options.force),
          ...(options.to === undefined ? {} : { target: options.to }),
        }),
      );
    });
}

function parsePercent(value: string): number {
  const percent = Number(value.replace(/%$/, ''));
  if (!/^\d+%?$/.test(value) || percent > 100) throw new InvalidArgumentError('a whole number from 0 to 100');
  return percent;
}
