import { approveRollout, RolloutError } from '@cutover/rollout';
import type { AuditRecord } from '@cutover/rollback';
import type { DashboardContext } from '../dashboard-context.js';
import { HttpError } from '../http/http-error.js';
import { actionReason } from './action-reason.js';

/** The body of a successful `POST /api/migrations/:flag/rollout/approve`. */
export interface ApproveRolloutResponse {
  /** The approval as the audit log holds it (actor `dashboard`, the reason, runId, step, percent). */
  readonly approval: AuditRecord;
}

/**
 * Approves the step a rollout controller waits at, exactly as
 * `cutover rollout approve` does: an `approval` record in the audit log,
 * which the controller reads at its next look.
 */
export async function approveRolloutStep(context: DashboardContext, flagKey: string, body: Record<string, unknown>): Promise<ApproveRolloutResponse> {
  const reason = actionReason(body);
  try {
    return { approval: await approveRollout({ states: context.rollouts, audit: context.auditLog, flagKey, actor: 'dashboard', reason }) };
  } catch (error) {
    if (error instanceof RolloutError) throw new HttpError(error.code === 'ROLLOUT_NOT_FOUND' ? 404 : 409, error.code, error.message, { cause: error });
    throw error;
  }
}
