import { MIGRATION_STAGES } from '@cutover/flag-model';
import type { Command } from 'commander';
import { DEFAULT_AUDIT_LOG } from '../command-support/cli-paths.js';
import { runFlagEdit } from '../command-support/run-flag-edit.js';
import type { EditCommandOptions } from '../command-support/run-flag-edit.js';
import { setStage } from '../flag-editing/set-stage.js';

/** `cutover stage <flag> <stage>`: move a migration to one stage for everyone, through the state machine. */
export function registerStage(program: Command): void {
  program
    .command('stage')
    .description('set a migration flag to one stage for everyone (defaultVariant, targeting removed), editing the file in place')
    .argument('<flag>', 'the migration flag key')
    .argument('<stage>', `${MIGRATION_STAGES.join(', ')} (or a variant name)`)
    .option('--dry-run', 'print the diff, write nothing')
    .option('--force', 'make a transition the state machine refuses (skipping stages, leaving complete)')
    .option('--reason <text>', 'why, for the audit log')
    .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
    .option('--json', 'print the edit as JSON')
    .addHelpText('after', '\nTransitions without --force: one stage forward among the flag\'s stages; back to its rollback stage;\nany step back before complete; complete → rampdown. See docs/cli.md.')
    .action(async (flagKey: string, stage: string, options: EditCommandOptions & { force?: boolean }, command: Command) => {
      await runFlagEdit(command, flagKey, options, (file) =>
        setStage(file, flagKey, stage, { force: Boolean(options.force), dryRun: Boolean(options.dryRun) }),
      );
    });
}
