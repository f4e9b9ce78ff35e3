import { readFile } from 'node:fs/promises';
import { MigrationMetrics, NATIVE_EXPOSITION_CONTENT_TYPE } from '@cutover/hooks';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDashboard, TEST_TOKEN } from './testing/start-test-dashboard.js';
import type { TestDashboard } from './testing/start-test-dashboard.js';
import type { FlagFileDocument } from '@cutover/provider';
import type { RollbackResponse } from './actions/rollback-migration.js';
import type { Timeline } from './api/build-timeline.js';
import type { MigrationsResponse } from './api/list-migrations.js';
import { createRequestHandler } from './create-request-handler.js';

let dashboard: TestDashboard;
beforeEach(async () => {
  dashboard = await startTestDashboard();
});
afterEach(() => dashboard.remove());

const json = { 'Content-Type': 'application/json' };
const auth = { ...json, Authorization: `Bearer ${TEST_TOKEN}` };

async function getJson<T>(path: string): Promise<T> {
  return (await (await fetch(`${dashboard.url}${path}`)).json()) as T;
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

function post(path: string, body: unknown, headers: Record<string, string> = auth): Promise<Response> {
  return fetch(`${dashboard.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe(createRequestHandler.name, () => {
  describe('reads', () => {
    it('GET / serves the page with a strict content security policy and no external resource', async () => {
      const response = await fetch(`${dashboard.url}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      expect(html).toContain('<script src="/assets/dashboard.js" defer></script>');
      expect(html).not.toMatch(/(src|href)="https?:/);
      expect((await fetch(`${dashboard.url}/assets/dashboard.js`)).headers.get('content-type')).toMatch(/javascript/);
    });

    it('GET /api/migrations lists the migration flags with their split, served stage and rollback', async () => {
      const body = await getJson<MigrationsResponse>('/api/migrations');
      expect(body.migrations.map((m) => m.flagKey)).toEqual(['planner', 'search']);
      const search = body.migrations[1]!;
      expect(search.targeting).toMatchObject({ kind: 'split', baseline: 'shadow', buckets: [{ stage: 'live', percent: 10 }, { stage: 'shadow', percent: 90 }] });
      expect(search).toMatchObject({ group: 'core', rollbackStage: 'off', rollback: null, guard: null, serving: { source: 'file' } });
      expect(search.summary).toMatchObject({ total: 0, matchRate: null });
      expect(body.sources.broken).toEqual([]);
    });

    it('GET /api/migrations/:flag/timeline buckets the window; an unknown flag is a 404', async () => {
      const timeline = await getJson<Timeline>('/api/migrations/search/timeline?window=600&buckets=10');
      expect(timeline).toMatchObject({ flagKey: 'search', bucketSeconds: 60 });
      expect(timeline.points).toHaveLength(10);
      expect((await fetch(`${dashboard.url}/api/migrations/nope/timeline`)).status).toBe(404);
      expect((await fetch(`${dashboard.url}/api/migrations/search/timeline?buckets=0`)).status).toBe(400);
    });

    it('answers a malformed percent escape in a flag key with a 400 naming it, on reads and actions alike', async () => {
      const read = await fetch(`${dashboard.url}/api/migrations/search%E0%A4%A/timeline`);
      expect(read.status).toBe(400);
      expect(await read.json()).toEqual({ error: { code: 'INVALID_URL', message: 'the path segment "search%E0%A4%A" has a malformed percent escape' } });
      const action = await post('/api/migrations/%/rollback', { reason: 'x' });
      expect(action.status).toBe(400);
      expect(await errorCode(action)).toBe('INVALID_URL');
      expect(await dashboard.overlay.list()).toEqual([]);
    });

    it('GET /metrics exposes the registry; unknown paths are 404 and wrong methods 405', async () => {
      const metrics = await fetch(`${dashboard.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
      expect((await fetch(`${dashboard.url}/nope`)).status).toBe(404);
      expect((await fetch(`${dashboard.url}/api/migrations`, { method: 'DELETE' })).status).toBe(405);
      expect((await fetch(`${dashboard.url}/api/migrations/search/rollback`)).status).toBe(405);
    });

    it('GET /metrics/native serves the migration metrics as protobuf native histograms, and is 404 without them', async () => {
      expect((await fetch(`${dashboard.url}/metrics/native`)).status).toBe(404);
      const registry = new Registry();
      const migrationMetrics = new MigrationMetrics({ registry });
      migrationMetrics.observe({ type: 'path', flagKey: 'search', operation: 'read', stage: 'shadow', path: 'candidate', authoritative: false, outcome: 'ok', durationMs: 12 });
      const served = await startTestDashboard({ registry, migrationMetrics });
      try {
        const native = await fetch(`${served.url}/metrics/native`);
        expect(native.status).toBe(200);
        expect(native.headers.get('content-type')).toBe(NATIVE_EXPOSITION_CONTENT_TYPE);
        const body = new Uint8Array(await native.arrayBuffer());
        expect(body).toEqual(migrationMetrics.nativeExposition());
        expect(Buffer.from(body).includes(Buffer.from('cutover_migration_native_duration_seconds'))).toBe(true);
      } finally {
        await served.remove();
      }
    });

    it('refuses a Host it does not answer to (DNS rebinding)', async () => {
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        request(`${dashboard.url}/api/migrations`, { headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject).end();
      });
      expect(status).toBe(403);
    });
  });

  describe('quick actions', () => {
    it('refuses a rollback without the token (401) or with a wrong one, audits the refusal, changes nothing', async () => {
      const none = await post('/api/migrations/search/rollback', { reason: 'x' }, json);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await post('/api/migrations/search/rollback', { reason: 'x' }, { ...json, Authorization: 'Bearer wrong-token' })).status).toBe(401);
      expect(await dashboard.overlay.list()).toEqual([]);
      const records = await dashboard.auditLog.read();
      expect(records.map((r) => [r.status, r.actor, r.reason])).toEqual([
        ['failed', 'dashboard', expect.stringMatching(/^refused: this action needs the dashboard token/)],
        ['failed', 'dashboard', 'refused: the dashboard token is wrong'],
      ]);
    });

    it('refuses cross-site requests (403) and bodies that are not JSON (415), even with the token', async () => {
      const crossOrigin = await post('/api/migrations/search/rollback', { reason: 'x' }, { ...auth, Origin: 'https://evil.example' });
      expect(crossOrigin.status).toBe(403);
      const crossSite = await post('/api/migrations/search/rollback', { reason: 'x' }, { ...auth, 'Sec-Fetch-Site': 'cross-site' });
      expect(crossSite.status).toBe(403);
      const form = await post('/api/migrations/search/rollback', { reason: 'x' }, { ...auth, 'Content-Type': 'text/plain' });
      expect(form.status).toBe(415);
      expect(await dashboard.overlay.list()).toEqual([]);
    });

    it('rolls back with the token: overlay written, served at once, audited as initiated then completed', async () => {
      const response = await post('/api/migrations/search/rollback', { reason: 'candidate times out' }, { ...auth, Origin: dashboard.url, 'Sec-Fetch-Site': 'same-origin' });
      expect(response.status).toBe(200);
      expect(((await response.json()) as RollbackResponse).rolledBack).toEqual([expect.objectContaining({ flagKey: 'search', variant: 'off', by: 'dashboard' })]);
      expect(dashboard.provider.getRollbacks()).toEqual(['search']);
      const records = await dashboard.auditLog.read();
      expect(records.map((r) => [r.action, r.status, r.actor, r.scope, r.reason])).toEqual([
        ['rollback', 'initiated', 'dashboard', 'search', 'candidate times out'],
        ['rollback', 'completed', 'dashboard', 'search', 'candidate times out'],
      ]);
      const body = await getJson<MigrationsResponse>('/api/migrations');
      expect(body.migrations[1]).toMatchObject({ rollback: { reason: 'candidate times out' }, serving: { stage: 'off', source: 'rollback' } });
    });

    it('clears a rollback with a reason; clearing one that is not in force is a 409', async () => {
      expect((await post('/api/migrations/search/rollback/clear', { reason: 'fixed' })).status).toBe(409);
      await post('/api/migrations/search/rollback', { reason: 'bad' });
      const cleared = await post('/api/migrations/search/rollback/clear', { reason: 'fixed' });
      expect(await cleared.json()).toEqual({ cleared: ['search'] });
      expect(dashboard.provider.getRollbacks()).toEqual([]);
      expect((await dashboard.auditLog.read()).at(-1)).toMatchObject({ action: 'rollback-cleared', status: 'completed', reason: 'fixed' });
    });

    it('requires a reason, and answers 404 for a flag that is not a migration', async () => {
      expect((await post('/api/migrations/search/rollback', {})).status).toBe(400);
      expect((await post('/api/migrations/dark-mode/rollback', { reason: 'x' })).status).toBe(404);
      expect((await post('/api/migrations/search/stage', { reason: 'x' })).status).toBe(400);
    });

    it('changes a stage through the flag file, following the state machine unless forced', async () => {
      const skip = await post('/api/migrations/planner/stage', { stage: 'complete', reason: 'yolo' });
      expect(skip.status).toBe(409);
      expect(await errorCode(skip)).toBe('INVALID_TRANSITION');
      const step = await post('/api/migrations/planner/stage', { stage: 'dualwrite', reason: 'start writing both' });
      expect(step.status).toBe(200);
      expect(await step.json()).toMatchObject({ flagKey: 'planner', to: 'dualwrite', written: true });
      expect((JSON.parse(await readFile(dashboard.flagFile, 'utf8')) as FlagFileDocument).flags.planner!.defaultVariant).toBe('dualwrite');
      const body = await getJson<MigrationsResponse>('/api/migrations');
      expect(body.migrations[0]!.serving).toMatchObject({ stage: 'dualwrite' });
      const forced = await post('/api/migrations/planner/stage', { stage: 'complete', force: true, reason: 'tested offline' });
      expect(forced.status).toBe(200);
      const stages = (await dashboard.auditLog.read((r) => r.action === 'stage')).map((r) => [r.status, r.actor, r.details?.to]);
      expect(stages).toEqual([
        ['failed', 'dashboard', 'complete'],
        ['completed', 'dashboard', 'dualwrite'],
        ['completed', 'dashboard', 'complete'],
      ]);
    });
  });
});
