import type { RollbackEntry } from '@cutover/rollback';
import type { DashboardContext } from '../dashboard-context.js';
import { HttpError } from '../http/http-error.js';
import { actionReason } from './action-reason.js';
import { findMigration } from './find-migration.js';

/** The body of a successful `POST /api/migrations/:flag/rollback`. */
export interface RollbackResponse {
  readonly rolledBack: readonly RollbackEntry[];
  /** From the request to the outcome recorded, ms. */
  readonly durationMs: number;
}

/**
 * Emergency rollback of one migration through the dashboard's `Rollback`:
 * this process serves it at once, the overlay (read by every instance and by
 * flagd) durably; recorded as initiated, then completed or failed, with actor
 * `dashboard`, and counted as `cutover_rollbacks_total{reason="manual"}`.
 */
export async function rollbackMigration(context: DashboardContext, flagKey: string, body: Record<string, unknown>): Promise<RollbackResponse> {
  const reason = actionReason(body);
  await findMigration(context, flagKey);
  const result = await context.rollback.emergencyRollback({ flag: flagKey }, reason, { by: 'dashboard' });
  if (result.status === 'failed') {
    // Nothing in scope to roll back is the caller's conflict; an overlay that cannot be written is ours.
    const status = result.errorCode === 'ROLLBACK_INVALID' ? 409 : 500;
    throw new HttpError(status, result.errorCode ?? 'ROLLBACK_FAILED', result.error ?? 'the rollback failed');
  }
  return { rolledBack: result.entries ?? [], durationMs: Math.round(result.timings.totalMs) };
}
