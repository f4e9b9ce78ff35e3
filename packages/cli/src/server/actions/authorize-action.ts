import type { IncomingMessage } from 'node:http';
import type { AuditAction } from '@cutover/rollback';
import { HttpError } from '../http/http-error.js';
import { tokenMatches } from '../security/bearer-token.js';
import { crossSiteRefusal, isJsonRequest } from '../security/cross-site-refusal.js';
import type { DashboardContext } from '../dashboard-context.js';

/**
 * The gate of every quick action, in order: same origin (403), a JSON body
 * (415), the bearer token (401). A refusal is audited (rate-limited) and
 * thrown as an {@link HttpError}; nothing has been read or changed yet.
 */
export async function authorizeAction(
  context: Pick<DashboardContext, 'token' | 'refusals'>,
  request: IncomingMessage,
  attempt: { action: AuditAction; scope: string },
): Promise<void> {
  const refuse = async (error: HttpError): Promise<never> => {
    await context.refusals.record({ ...attempt, reason: error.message, remoteAddress: request.socket.remoteAddress });
    throw error;
  };
  const crossSite = crossSiteRefusal(request);
  if (crossSite) await refuse(new HttpError(403, 'CROSS_SITE', `cross-site request: ${crossSite}`));
  if (!isJsonRequest(request)) await refuse(new HttpError(415, 'JSON_REQUIRED', 'actions take a JSON body: send Content-Type: application/json'));
  const authorization = request.headers.authorization;
  if (authorization === undefined) await refuse(new HttpError(401, 'TOKEN_REQUIRED', 'this action needs the dashboard token (Authorization: Bearer <token>)'));
  if (!tokenMatches(authorization, context.token)) await refuse(new HttpError(401, 'TOKEN_INVALID', 'the dashboard token is wrong'));
}
