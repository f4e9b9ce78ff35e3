import { existsSync } from 'node:fs';
import { AuditLog } from '@cutover/rollback';
import type { Command } from 'commander';
import { auditFlagEdit } from '../flag-editing/audit-flag-edit.js';
import type { FlagEdit } from '../flag-editing/flag-edit.js';
import { FlagEditError } from '../flag-editing/flag-edit-error.js';
import { findFlagFile } from '../flag-files/find-flag-file.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { cliActor, globalOptions } from './cli-paths.js';
import { Output } from './output.js';

/** Options shared by `stage` and `rollout`. */
export interface EditCommandOptions {
  readonly dryRun?: boolean;
  readonly reason?: string;
  readonly audit: string;
  readonly json?: boolean;
}

/**
 * Finds the file that defines `flagKey` in `--flags`, runs the edit, prints
 * the diff (or JSON) and records a written edit in the audit log.
 */
export async function runFlagEdit(
  command: Command,
  flagKey: string,
  options: EditCommandOptions,
  edit: (file: string) => Promise<FlagEdit>,
): Promise<FlagEdit> {
  const { flags } = globalOptions(command);
  if (!existsSync(flags)) throw new FlagEditError('FLAG_NOT_FOUND', `no flag directory ${flags} (use --flags <dir>)`);
  const file = await findFlagFile(await listFlagFiles(flags), flagKey);
  if (!file) throw new FlagEditError('FLAG_NOT_FOUND', `no flag "${flagKey}" in ${flags}/*.flagd.json`);
  const result = await edit(file);
  const reason = options.reason ?? `cutover ${command.name()} ${command.args.join(' ')}`;
  const record = await auditFlagEdit(new AuditLog(options.audit), result, { actor: cliActor(), reason });
  const out = new Output();
  if (options.json) {
    out.json({ ...result, before: undefined, after: undefined, audited: record !== undefined });
    return result;
  }
  for (const warning of result.warnings) out.error(out.colors.yellow(`warning: ${warning}`));
  if (result.diff) out.diff(result.diff);
  const summary = `${flagKey}: ${result.from} → ${result.to} (${file})`;
  if (result.diff === '') out.line(`${flagKey}: already ${result.to}, nothing to change (${file})`);
  else if (options.dryRun) out.line(out.colors.dim(`dry run, nothing written: ${summary}`));
  else out.line(out.colors.green(`${summary}, recorded in ${options.audit}`));
  return result;
}
