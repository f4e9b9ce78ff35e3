import type { DashboardContext } from '../dashboard-context.js';
import { HttpError } from '../http/http-error.js';
import { actionReason } from './action-reason.js';
import { findMigration } from './find-migration.js';

/** The body of a successful `POST /api/migrations/:flag/rollback/clear`. */
export interface ClearRollbackResponse {
  readonly cleared: readonly string[];
}

/** Lifts a migration's rollback through the dashboard's `Rollback`: the flag files in git answer again. Recorded with its reason. */
export async function clearRollback(context: DashboardContext, flagKey: string, body: Record<string, unknown>): Promise<ClearRollbackResponse> {
  const reason = actionReason(body);
  await findMigration(context, flagKey);
  const result = await context.rollback.clear({ flag: flagKey }, { reason, by: 'dashboard' });
  if (result.status === 'failed') throw new HttpError(500, 'CLEAR_FAILED', result.error ?? 'lifting the rollback failed');
  if (result.cleared.length === 0) throw new HttpError(409, 'NOT_ROLLED_BACK', `${flagKey} is not rolled back`);
  return { cleared: result.cleared };
}
