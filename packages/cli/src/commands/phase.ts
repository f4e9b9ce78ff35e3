import { existsSync } from 'node:fs';
import { AuditLog } from '@cutover/rollback';
import type { Command } from 'commander';
import { cliActor, DEFAULT_AUDIT_LOG, globalOptions } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { FlagEditError } from '../flag-editing/flag-edit-error.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { auditPhaseMove } from '../phases/audit-phase-move.js';
import { describePhase } from '../phases/describe-phase.js';
import type { PhaseView } from '../phases/describe-phase.js';
import { movePhase } from '../phases/move-phase.js';
import { readPhaseFlag } from '../phases/read-phase-flag.js';

interface PhaseOptions {
  readonly dryRun?: boolean;
  readonly force?: boolean;
  readonly replaceTargeting?: boolean;
  readonly reason?: string;
  readonly audit: string;
  readonly json?: boolean;
}

/** `cutover phase <flag> [phase]`: where a set of flags that move together stands, or move them all to a phase. */
export function registerPhase(program: Command): void {
  program
    .command('phase')
    .description('show a phase flag and its member flags, or move every member to the stage a phase declares (and the phase flag to it)')
    .argument('<flag>', 'the phase flag key (metadata.kind = "phase")')
    .argument('[phase]', 'the phase to move to; without it, show where the set stands')
    .option('--dry-run', 'print the diffs, write nothing')
    .option('--force', 'make member transitions (or dependency holds) the checks refuse')
    .option('--replace-targeting', 'erase members\' targeting rules too (as cutover stage --replace-targeting)')
    .option('--reason <text>', 'why, for the audit log')
    .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nEach member is checked as cutover stage checks it, from the stage it stands at now; every refusal is\nnamed before anything is written. Roll a phase back with cutover rollback phase:<flag>. See docs/start-from-phases.md.')
    .action(async (flagKey: string, phase: string | undefined, options: PhaseOptions, command: Command) => {
      const { flags } = globalOptions(command);
      if (!existsSync(flags)) throw new FlagEditError('FLAG_NOT_FOUND', `no flag directory ${flags} (use --flags <dir>)`);
      const files = await listFlagFiles(flags);
      const out = new Output();
      if (phase === undefined) {
        const view = describePhase(await readPhaseFlag(files, flagKey));
        if (options.json) out.json(view);
        else printView(out, view);
        return;
      }
      const move = await movePhase(files, flagKey, phase, { force: Boolean(options.force), replaceTargeting: Boolean(options.replaceTargeting), dryRun: Boolean(options.dryRun) });
      const reason = options.reason ?? `cutover phase ${flagKey} ${phase}`;
      const audited = await auditPhaseMove(new AuditLog(options.audit), move, { actor: cliActor(), reason });
      if (options.json) {
        out.json({ ...move, members: move.members.map(({ edit, ...member }) => ({ ...member, changed: edit !== undefined })), audited });
        return;
      }
      for (const warning of move.warnings) out.error(out.colors.yellow(`warning: ${warning}`));
      for (const file of move.files) if (file.diff) out.diff(file.diff);
      for (const member of move.members) out.line(`  ${member.flagKey}: ${member.edit ? `${member.from} → ${member.to}` : `already ${member.to}`}`);
      const summary = `${flagKey}: ${move.from ?? '(none)'} → ${move.to}`;
      if (move.files.every((file) => file.diff === '')) out.line(`${flagKey}: already ${move.to}, nothing to change`);
      else if (options.dryRun) out.line(out.colors.dim(`dry run, nothing written: ${summary}`));
      else out.line(out.colors.green(`${summary}, recorded in ${options.audit}`));
    });
}

function printView(out: Output, view: PhaseView): void {
  const { bold, green, yellow, dim } = out.colors;
  out.line(bold(`${view.flagKey}: ${view.current ?? '(no default phase)'}`) + dim(` (${view.file})`));
  out.line(`phases: ${view.phases.map((p) => (p === view.current ? bold(p) : p)).join(' → ')}; rollback: ${view.rollbackPhase ?? '-'}`);
  for (const member of view.members) {
    const mark = member.inStep ? green('✓') : yellow('~');
    out.line(`${mark} ${member.flagKey}: ${member.stage} (phase says ${member.declared}); serving ${member.serving}`);
  }
  for (const phase of view.phases) out.line(dim(`  ${phase}: ${view.declarations[phase] ?? ''}`));
}
