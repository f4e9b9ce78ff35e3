import { HttpError } from '../http/http-error.js';

/** Longest reason kept in the audit log and the overlay. */
export const MAX_REASON_LENGTH = 500;

/** The `reason` of an action body: required, trimmed, at most {@link MAX_REASON_LENGTH} characters. */
export function actionReason(body: Record<string, unknown>): string {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason === '') throw new HttpError(400, 'REASON_REQUIRED', 'say why: the body needs a non-empty "reason"');
  if (reason.length > MAX_REASON_LENGTH) throw new HttpError(400, 'REASON_TOO_LONG', `"reason" is longer than ${MAX_REASON_LENGTH} characters`);
  return reason;
}
