import { auditFlagEdit } from '../../flag-editing/audit-flag-edit.js';
import { FlagEditError } from '../../flag-editing/flag-edit-error.js';
import type { FlagEditErrorCode } from '../../flag-editing/flag-edit-error.js';
import { setStage } from '../../flag-editing/set-stage.js';
import type { DashboardContext } from '../dashboard-context.js';
import { HttpError } from '../http/http-error.js';
import { actionReason } from './action-reason.js';
import { findMigration } from './find-migration.js';
import { reloadNow } from './reload-now.js';

/** The body of a successful `POST /api/migrations/:flag/stage`. */
export interface ChangeStageResponse {
  readonly flagKey: string;
  readonly file: string;
  /** The targeting before and after, in words. */
  readonly from: string;
  readonly to: string;
  readonly diff: string;
  readonly written: boolean;
  readonly warnings: readonly string[];
}

const STATUS: Readonly<Record<FlagEditErrorCode, number>> = {
  FLAG_NOT_FOUND: 404,
  NOT_A_MIGRATION: 400,
  UNKNOWN_STAGE: 400,
  INVALID_PERCENT: 400,
  INVALID_COHORT: 400,
  INVALID_TRANSITION: 409,
  UNSUPPORTED_TARGETING: 409,
  TARGETING_KEPT: 409,
  CONCURRENT_EDIT: 409,
  INVALID_RESULT: 422,
  INVALID_PHASE: 400,
  PHASE_REFUSED: 409,
};

/**
 * Moves a migration to one stage by editing its flag file in place (the same
 * edit as `cutover stage`, checked by the same state machine; `force` to skip
 * stages). A rollback in force still wins until it is cleared.
 */
export async function changeStage(context: DashboardContext, flagKey: string, body: Record<string, unknown>): Promise<ChangeStageResponse> {
  const reason = actionReason(body);
  if (typeof body.stage !== 'string' || body.stage === '') throw new HttpError(400, 'STAGE_REQUIRED', 'the body needs a "stage"');
  if (body.force !== undefined && typeof body.force !== 'boolean') throw new HttpError(400, 'INVALID_FORCE', '"force" must be true or false');
  const { file } = await findMigration(context, flagKey);
  try {
    const edit = await setStage(file, flagKey, body.stage, { force: body.force === true });
    await reloadNow(context, file);
    await auditFlagEdit(context.auditLog, edit, { actor: 'dashboard', reason });
    const warnings = [...edit.warnings];
    if ((await context.rollback.list()).some((entry) => entry.flagKey === flagKey)) warnings.push('the flag is rolled back: the rollback keeps serving until it is cleared');
    return { flagKey, file, from: edit.from, to: edit.to, diff: edit.diff, written: edit.written, warnings };
  } catch (error) {
    await context.auditLog.append({ action: 'stage', status: 'failed', scope: flagKey, actor: 'dashboard', reason, details: { to: body.stage, error: (error as Error).message } });
    if (error instanceof FlagEditError) throw new HttpError(STATUS[error.code] ?? 400, error.code, error.message, { cause: error });
    throw error;
  }
}
