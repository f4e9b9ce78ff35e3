import type { IncomingMessage, ServerResponse } from 'node:http';
import { groupOf } from '@cutover/flag-model';
import { NATIVE_EXPOSITION_CONTENT_TYPE } from '@cutover/hooks';
import type { AuditAction } from '@cutover/rollback';
import { approveRolloutStep } from './actions/approve-rollout-step.js';
import { authorizeAction } from './actions/authorize-action.js';
import { changeStage } from './actions/change-stage.js';
import { clearRollback } from './actions/clear-rollback.js';
import { rollbackMigration } from './actions/rollback-migration.js';
import { buildTimeline } from './api/build-timeline.js';
import { listMigrations } from './api/list-migrations.js';
import type { DashboardContext } from './dashboard-context.js';
import { checkHealth } from './health/check-health.js';
import { decodePathSegment } from './http/decode-path-segment.js';
import { HttpError } from './http/http-error.js';
import { queryNumber } from './http/query-number.js';
import { readJsonBody } from './http/read-json-body.js';
import { send, sendJson } from './http/send.js';
import { setSecurityHeaders } from './http/security-headers.js';
import { loadDashboardScript } from './page/dashboard-script.js';
import { DASHBOARD_STYLES } from './page/dashboard-styles.js';
import { renderDashboardPage } from './page/render-dashboard-page.js';
import type { HostAllowlist } from './security/host-allowlist.js';

type Action = (context: DashboardContext, flagKey: string, body: Record<string, unknown>) => Promise<unknown>;

/** The quick actions by URL suffix, with the audit action a refusal is recorded as. */
const ACTIONS: Readonly<Record<string, { audit: AuditAction; run: Action }>> = {
  stage: { audit: 'stage', run: changeStage },
  rollback: { audit: 'rollback', run: rollbackMigration },
  'rollback/clear': { audit: 'rollback-cleared', run: clearRollback },
  'rollout/approve': { audit: 'approval', run: approveRolloutStep },
};

const MIGRATION_PATH = /^\/api\/migrations\/([^/]+)\/(timeline|stage|rollback|rollback\/clear|rollout\/approve)$/;

/**
 * The dashboard's request handler: the page and its two assets, the JSON API,
 * `/health` and `/metrics`. Every request must name an allowed host; errors
 * answer `{ error: { code, message } }`.
 */
export function createRequestHandler(context: DashboardContext, hosts: HostAllowlist): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    setSecurityHeaders(response);
    route(context, hosts, request, response).catch((error: unknown) => {
      const known = error instanceof HttpError ? error : undefined;
      if (!known) console.error('cutover dashboard:', error);
      if (response.headersSent) return void response.destroy();
      if (known?.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="cutover"');
      sendJson(response, known?.status ?? 500, { error: { code: known?.code ?? 'INTERNAL', message: (error as Error).message } });
    });
  };
}

async function route(context: DashboardContext, hosts: HostAllowlist, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!hosts.allows(request.headers.host)) throw new HttpError(403, 'HOST_NOT_ALLOWED', `this dashboard does not answer to host "${request.headers.host ?? ''}"`);
  const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
  const path = url.pathname;
  const method = request.method ?? 'GET';
  const migration = MIGRATION_PATH.exec(path);
  if (migration && migration[2] !== 'timeline') {
    allow(method, 'POST');
    const flagKey = decodePathSegment(migration[1]!);
    const action = ACTIONS[migration[2]!]!;
    await authorizeAction(context, request, { action: action.audit, scope: flagKey });
    return sendJson(response, 200, await action.run(context, flagKey, await readJsonBody(request)));
  }
  allow(method, 'GET');
  if (migration) return sendJson(response, 200, await timeline(context, decodePathSegment(migration[1]!), url.searchParams));
  switch (path) {
    case '/':
      return send(response, 200, 'text/html; charset=utf-8', renderDashboardPage({ version: context.version, refreshIntervalMs: context.config.refreshIntervalMs }));
    case '/assets/dashboard.js':
      return send(response, 200, 'text/javascript; charset=utf-8', await loadDashboardScript());
    case '/assets/dashboard.css':
      return send(response, 200, 'text/css; charset=utf-8', DASHBOARD_STYLES);
    case '/api/migrations':
      return sendJson(response, 200, await listMigrations(context));
    case '/api/audit': {
      const limit = queryNumber(url.searchParams, 'limit', { min: 1, max: 1000, default: 50 });
      return sendJson(response, 200, { records: await context.auditLog.recent(limit) });
    }
    case '/health': {
      const report = await checkHealth(context);
      return sendJson(response, report.status === 'unhealthy' ? 503 : 200, report);
    }
    case '/metrics':
      return send(response, 200, context.registry.contentType, await context.registry.metrics());
    case '/metrics/native':
      if (!context.migrationMetrics) throw new HttpError(404, 'NOT_FOUND', 'no migration metrics to serve as native histograms (startDashboard({ migrationMetrics }))');
      return send(response, 200, NATIVE_EXPOSITION_CONTENT_TYPE, context.migrationMetrics.nativeExposition());
    default:
      throw new HttpError(404, 'NOT_FOUND', `no such resource: ${path}`);
  }
}

async function timeline(context: DashboardContext, flagKey: string, query: URLSearchParams): Promise<unknown> {
  const { migrations } = await context.definitions.read();
  const found = migrations.find((m) => m.flagKey === flagKey);
  if (!found) throw new HttpError(404, 'MIGRATION_NOT_FOUND', `no migration flag "${flagKey}" in the flag files`);
  const windowSeconds = queryNumber(query, 'window', { min: 60, max: 90 * 86_400, default: context.config.windowSeconds });
  const buckets = queryNumber(query, 'buckets', { min: 1, max: 500, default: 60 });
  const group = groupOf(found.definition) ?? null;
  return buildTimeline(context, { flagKey, to: new Date(), windowSeconds, buckets, group });
}

function allow(method: string, allowed: 'GET' | 'POST'): void {
  if (method === allowed || (allowed === 'GET' && method === 'HEAD')) return;
  throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${allowed}`);
}
