import { RollbackError } from '@cutover/provider';
import type { RollbackEntry } from '@cutover/provider';
import type { DashboardContext } from '../dashboard-context.js';
import { HttpError } from '../http/http-error.js';
import { actionReason } from './action-reason.js';
import { findMigration } from './find-migration.js';
import { reloadNow } from './reload-overlay.js';

/** The body of a successful `POST /api/migrations/:flag/rollback`. */
export interface RollbackResponse {
  readonly rolledBack: readonly RollbackEntry[];
  /** From the request to the overlay written, ms. */
  readonly durationMs: number;
}

/**
 * Emergency rollback of one migration through the overlay (durable, read by
 * every instance and by flagd), recorded as initiated, then completed or
 * failed, with actor `dashboard`.
 */
export async function rollbackMigration(context: DashboardContext, flagKey: string, body: Record<string, unknown>): Promise<RollbackResponse> {
  const reason = actionReason(body);
  await findMigration(context, flagKey);
  const started = performance.now();
  const base = { action: 'rollback', scope: flagKey, actor: 'dashboard', reason } as const;
  await context.auditLog.append({ ...base, status: 'initiated' });
  try {
    const rolledBack = await context.overlay.rollback({ flag: flagKey }, { reason, by: 'dashboard' });
    await reloadNow(context, 'overlay');
    const durationMs = Math.round(performance.now() - started);
    context.metrics?.recordRollback(flagKey, 'manual', 'completed');
    await context.auditLog.append({ ...base, status: 'completed', details: { variants: rolledBack.map((e) => e.variant), durationMs } });
    return { rolledBack, durationMs };
  } catch (error) {
    context.metrics?.recordRollback(flagKey, 'manual', 'failed');
    await context.auditLog.append({ ...base, status: 'failed', details: { error: (error as Error).message } });
    if (error instanceof RollbackError) throw new HttpError(409, error.code, error.message, { cause: error });
    throw error;
  }
}
