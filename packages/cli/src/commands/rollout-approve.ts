import type { Command } from 'commander';
import { AuditLog } from '@cutover/provider';
import { approveRollout, RolloutStateFile } from '@cutover/rollout';
import { cliActor, DEFAULT_AUDIT_LOG } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { addStateDirOption } from '../rollout/rollout-paths.js';

/** `cutover rollout approve <flag>`: opens the approval gate a controller waits at. */
export function registerRolloutApprove(rollout: Command): void {
  addStateDirOption(
    rollout
      .command('approve')
      .description('approve the step a rollout controller is waiting at (recorded in the audit log, where the controller looks)')
      .argument('<flag>', 'the migration flag key')
      .requiredOption('--reason <text>', 'why, for the audit log')
      .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
      .option('--json', 'print the approval record as JSON'),
  ).action(async (flagKey: string, options: { reason: string; audit: string; stateDir: string; json?: boolean }) => {
    const record = await approveRollout({
      states: new RolloutStateFile(options.stateDir),
      audit: new AuditLog(options.audit),
      flagKey,
      actor: cliActor(),
      reason: options.reason,
    });
    const out = new Output();
    if (options.json) out.json(record);
    else out.line(`approved step ${Number(record.details?.step) + 1} (${String(record.details?.percent)} %) of ${flagKey} as ${record.actor}; the controller goes on at its next look`);
  });
}
