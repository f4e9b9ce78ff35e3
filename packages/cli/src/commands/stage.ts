import { MIGRATION_STAGES } from '@cutover/flag-model';
import type { Command } from 'commander';
import { DEFAULT_AUDIT_LOG, globalOptions } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { runFlagEdit } from '../command-support/run-flag-edit.js';
import type { EditCommandOptions } from '../command-support/run-flag-edit.js';
import { setStage } from '../flag-editing/set-stage.js';
import { phaseMembership } from '../phases/phase-membership.js';

/** `cutover stage <flag> <stage>`: move a migration to a stage, through the state machine, keeping the team's targeting rules. */
export function registerStage(program: Command): void {
  program
    .command('stage')
    .description('move a migration flag to a stage (its defaultVariant), editing the file in place; a rollout split goes, targeting rules you wrote stay')
    .argument('<flag>', 'the migration flag key')
    .argument('<stage>', `${MIGRATION_STAGES.join(', ')} (or a variant name)`)
    .option('--dry-run', 'print the diff, write nothing')
    .option('--force', 'make a transition the state machine refuses (skipping stages, leaving complete)')
    .option('--replace-targeting', 'erase the targeting rules too, so everyone gets the stage (the diff shows what goes)')
    .option('--reason <text>', 'why, for the audit log')
    .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
    .option('--json', 'print the edit as JSON')
    .addHelpText('after', '\nTransitions without --force: one stage forward among the flag\'s stages; back to its rollback stage;\nany step back before complete; complete → rampdown.\nTargeting: a split that is the whole targeting is removed; rules are kept (their rollout splits give\ntheir share to the new stage); complete with rules serving other stages is refused unless --replace-targeting. See docs/cli.md.')
    .action(async (flagKey: string, stage: string, options: EditCommandOptions & { force?: boolean; replaceTargeting?: boolean }, command: Command) => {
      const edit = await runFlagEdit(command, flagKey, options, (file) =>
        setStage(file, flagKey, stage, { force: Boolean(options.force), replaceTargeting: Boolean(options.replaceTargeting), dryRun: Boolean(options.dryRun) }),
      );
      const out = new Output();
      if (edit.diff !== '' && !options.json) for (const note of await phaseMembership(await listFlagFiles(globalOptions(command).flags), flagKey)) out.error(out.colors.dim(`note: ${note}`));
    });
}
