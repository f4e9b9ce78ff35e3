import type { AuditLog, AuditRecord } from '@cutover/rollback';
import { RolloutError } from '../rollout-error.js';
import type { RolloutStateFile } from '../state/rollout-state-file.js';
import { findApproval } from './approval-records.js';

/** Who approves what, and why. */
export interface ApproveRolloutInit {
  readonly states: Pick<RolloutStateFile, 'read'>;
  readonly audit: Pick<AuditLog, 'append' | 'read'>;
  readonly flagKey: string;
  /** `cli:<user>` or `dashboard`. */
  readonly actor: string;
  readonly reason: string;
}

/**
 * Approves the gate a rollout is waiting at, by appending an `approval`
 * record (runId, step, percent) to the audit log, where the controller looks
 * for it: the CLI and the dashboard approve the same way, and the approval is
 * on the record with who and why. Approving twice returns the first record.
 *
 * @throws RolloutError `ROLLOUT_NOT_FOUND` without a rollout, `NO_PENDING_APPROVAL` when it waits at no gate
 */
export async function approveRollout(init: ApproveRolloutInit): Promise<AuditRecord> {
  const state = await init.states.read(init.flagKey);
  if (!state) throw new RolloutError('ROLLOUT_NOT_FOUND', `no rollout of "${init.flagKey}" (start one with cutover rollout run ${init.flagKey})`);
  if (state.phase !== 'awaiting-approval') {
    throw new RolloutError('NO_PENDING_APPROVAL', `the rollout of "${init.flagKey}" is not waiting for an approval (it is ${state.phase}, step ${state.stepIndex + 1}/${state.plan.steps.length})`);
  }
  const gate = { flagKey: init.flagKey, runId: state.runId, step: state.stepIndex };
  const existing = await findApproval(init.audit, gate);
  if (existing) return existing;
  const percent = state.plan.steps[state.stepIndex]!.percent;
  return init.audit.append({
    action: 'approval',
    status: 'completed',
    scope: init.flagKey,
    actor: init.actor,
    reason: init.reason,
    details: { runId: state.runId, step: state.stepIndex, percent, target: state.target },
  });
}
