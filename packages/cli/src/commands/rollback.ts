import { AuditLog, parseRollbackScope, Rollback } from '@cutover/rollback';
import type { RollbackScope, UnreadableFile } from '@cutover/rollback';
import type { Command } from 'commander';
import { CommandExit } from '../command-support/command-exit.js';
import { readFlagMappings } from '@cutover/provider';
import type { FlagMappings } from '@cutover/provider';
import { cliActor, DEFAULT_AUDIT_LOG, globalOptions, overlayPath, projectConfigFile } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';

interface RollbackOptions {
  readonly all?: boolean;
  readonly phase?: string;
  readonly clear?: boolean;
  readonly reason: string;
  readonly overlay?: string;
  readonly audit: string;
  readonly json?: boolean;
}

/** `cutover rollback <flag>|group:<name>|phase:<flag>|--phase <flag>|--all --reason <text>` and `--clear`: emergency rollback through the overlay. */
export function registerRollback(program: Command): void {
  program
    .command('rollback')
    .description('roll back a migration flag, a group or every migration to its rollback variant, now (through the rollback overlay)')
    .argument('[target]', 'a flag key, group:<name>, phase:<phase flag>, or all')
    .option('--all', 'every migration flag (and every phase flag, to its rollback phase)')
    .option('--phase <flag>', 'a phase flag and its members, back to its rollback phase')
    .option('--clear', 'lift the rollback instead')
    .requiredOption('--reason <text>', 'why, recorded in the overlay and the audit log')
    .option('--overlay <file>', 'rollback overlay (default: <flags>/rollbacks.flagd.json)')
    .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
    .option('--json', 'print the result as JSON')
    .action(async (target: string | undefined, options: RollbackOptions, command: Command) => {
      const out = new Output();
      if ([target, options.all, options.phase].filter((given) => given !== undefined && given !== false).length !== 1) {
        out.error('cutover rollback: name one flag, group:<name>, phase:<flag> or all, or pass --all or --phase <flag>');
        throw new CommandExit(2);
      }
      const scope: RollbackScope = options.all ? { all: true } : options.phase !== undefined ? { phase: options.phase } : parseRollbackScope(target!);
      const { flags } = globalOptions(command);
      // Quiet: this command prints its own report.
      const logger = { error() {}, warn() {}, info() {}, debug() {} };
      const { stages } = stageMappings(out, projectConfigFile(command, flags));
      const rollback = new Rollback({ files: await listFlagFiles(flags), overlay: options.overlay ?? overlayPath(flags), audit: new AuditLog(options.audit), logger, stages });
      const by = cliActor();
      if (options.clear) {
        const result = await rollback.clear(scope, { reason: options.reason, by });
        warnUnreadable(out, result.unreadable);
        if (options.json) out.json(result);
        else if (result.status === 'failed') out.error(out.colors.red(`cutover rollback --clear: ${result.error}`));
        else out.line(result.cleared.length > 0 ? out.colors.green(`rollback lifted: ${result.cleared.join(', ')}`) : `no rollback in force for ${result.scope}`);
        if (result.status === 'failed') throw new CommandExit(1);
        return;
      }
      const result = await rollback.emergencyRollback(scope, options.reason, { by });
      warnUnreadable(out, result.unreadable);
      if (options.json) out.json({ ...result, rolledBack: result.entries ?? [] });
      else if (result.status === 'failed') out.error(out.colors.red(`cutover rollback: ${result.error}`));
      else for (const entry of result.entries ?? []) out.line(out.colors.red(`rolled back ${entry.flagKey} → ${entry.variant}`));
      if (result.status === 'failed') throw new CommandExit(1);
    });
}

// Migrations whose stage booleans decide roll back too; a broken configuration file blocks only them, and says so.
function stageMappings(out: Output, file: string): FlagMappings {
  try {
    return readFlagMappings(file);
  } catch (error) {
    out.error(out.colors.yellow(`warning: ${(error as Error).message}; migrations whose stage is read from boolean flags are not known`));
    return {};
  }
}

// A broken file never blocks a rollback, but whoever runs it should know it was skipped.
function warnUnreadable(out: Output, unreadable: readonly UnreadableFile[] = []): void {
  for (const { file, error } of unreadable) out.error(out.colors.yellow(`warning: skipped ${file}, which cannot be read: ${error}`));
}
