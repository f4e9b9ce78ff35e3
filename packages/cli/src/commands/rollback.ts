import { AuditLog, describeScope, parseRollbackScope, RollbackOverlay } from '@cutover/provider';
import type { RollbackScope } from '@cutover/provider';
import type { Command } from 'commander';
import { CommandExit } from '../command-support/command-exit.js';
import { cliActor, DEFAULT_AUDIT_LOG, globalOptions, overlayPath } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';

interface RollbackOptions {
  readonly all?: boolean;
  readonly clear?: boolean;
  readonly reason: string;
  readonly overlay?: string;
  readonly audit: string;
  readonly json?: boolean;
}

/** `cutover rollback <flag>|group:<name>|--all --reason <text>` and `--clear`: emergency rollback through the overlay. */
export function registerRollback(program: Command): void {
  program
    .command('rollback')
    .description('roll back a migration flag, a group or every migration to its rollback variant, now (through the rollback overlay)')
    .argument('[target]', 'a flag key, group:<name>, or all')
    .option('--all', 'every migration flag')
    .option('--clear', 'lift the rollback instead')
    .requiredOption('--reason <text>', 'why, recorded in the overlay and the audit log')
    .option('--overlay <file>', 'rollback overlay (default: <flags>/rollbacks.flagd.json)')
    .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
    .option('--json', 'print the result as JSON')
    .action(async (target: string | undefined, options: RollbackOptions, command: Command) => {
      const out = new Output();
      if ((target === undefined) === !options.all) {
        out.error('cutover rollback: name one flag, group:<name> or all, or pass --all');
        throw new CommandExit(2);
      }
      const scope: RollbackScope = options.all ? { all: true } : parseRollbackScope(target!);
      const { flags } = globalOptions(command);
      const overlay = new RollbackOverlay({ path: options.overlay ?? overlayPath(flags), files: await listFlagFiles(flags) });
      const audit = new AuditLog(options.audit);
      const record = { scope: describeScope(scope), actor: cliActor(), reason: options.reason };
      if (options.clear) {
        const cleared = await overlay.clear(scope);
        if (cleared.length > 0) await audit.append({ ...record, action: 'rollback-cleared', status: 'completed', details: { flags: cleared } });
        if (options.json) out.json({ cleared });
        else out.line(cleared.length > 0 ? out.colors.green(`rollback lifted: ${cleared.join(', ')}`) : `no rollback in force for ${record.scope}`);
        return;
      }
      await audit.append({ ...record, action: 'rollback', status: 'initiated' });
      try {
        const entries = await overlay.rollback(scope, { reason: options.reason, by: record.actor });
        await audit.append({ ...record, action: 'rollback', status: 'completed', details: { flags: entries.map((e) => `${e.flagKey}=${e.variant}`) } });
        if (options.json) out.json({ rolledBack: entries });
        else for (const entry of entries) out.line(out.colors.red(`rolled back ${entry.flagKey} → ${entry.variant}`));
      } catch (error) {
        await audit.append({ ...record, action: 'rollback', status: 'failed', details: { error: (error as Error).message } });
        throw error;
      }
    });
}
