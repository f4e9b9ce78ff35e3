import type { Command } from 'commander';
import { AuditLog } from '@cutover/rollback';
import { approveRollout, RolloutStateFile } from '@cutover/rollout';
import { cliActor } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { addStateDirOption } from '../rollout/rollout-paths.js';
import { sharedRolloutOptions } from '../rollout/shared-rollout-options.js';

/** `cutover rollout approve <flag>`: opens the approval gate a controller waits at. */
export function registerRolloutApprove(rollout: Command): void {
  addStateDirOption(
    rollout
      .command('approve')
      .description('approve the step a rollout controller is waiting at (recorded in the audit log, where the controller looks)')
      .argument('<flag>', 'the migration flag key')
      .option('--reason <text>', 'why, for the audit log (required)')
      .option('--audit <file>', 'audit log (default: .cutover/audit.jsonl)')
      .option('--json', 'print the approval record as JSON'),
  ).action(async (flagKey: string, options: { stateDir: string }, command: Command) => {
    const { audit, json, reason } = sharedRolloutOptions(command);
    if (!reason?.trim()) throw new Error('say why: --reason <text> is required');
    const record = await approveRollout({
      states: new RolloutStateFile(options.stateDir),
      audit: new AuditLog(audit),
      flagKey,
      actor: cliActor(),
      reason: reason.trim(),
    });
    const out = new Output();
    if (json) out.json(record);
    else out.line(`approved step ${Number(record.details?.step) + 1} (${String(record.details?.percent)} %) of ${flagKey} as ${record.actor}; the controller goes on at its next look`);
  });
}
