import type { DashboardContext } from '../dashboard-context.js';
import { HttpError } from '../http/http-error.js';
import { actionReason } from './action-reason.js';
import { findMigration } from './find-migration.js';
import { reloadNow } from './reload-overlay.js';

/** The body of a successful `POST /api/migrations/:flag/rollback/clear`. */
export interface ClearRollbackResponse {
  readonly cleared: readonly string[];
}

/** Lifts a migration's rollback: the flag files in git answer again. Recorded with its reason. */
export async function clearRollback(context: DashboardContext, flagKey: string, body: Record<string, unknown>): Promise<ClearRollbackResponse> {
  const reason = actionReason(body);
  await findMigration(context, flagKey);
  const base = { action: 'rollback-cleared', scope: flagKey, actor: 'dashboard', reason } as const;
  let cleared: string[];
  try {
    cleared = await context.overlay.clear({ flag: flagKey });
  } catch (error) {
    await context.auditLog.append({ ...base, status: 'failed', details: { error: (error as Error).message } });
    throw error;
  }
  if (cleared.length === 0) throw new HttpError(409, 'NOT_ROLLED_BACK', `${flagKey} is not rolled back`);
  await reloadNow(context, 'overlay');
  await context.auditLog.append({ ...base, status: 'completed', details: { cleared } });
  return { cleared };
}
