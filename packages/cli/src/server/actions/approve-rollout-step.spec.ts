import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRolloutPlan, RolloutStateFile } from '@cutover/rollout';
import type { RolloutState } from '@cutover/rollout';
import { afterEach, describe, expect, it } from 'vitest';
import type { MigrationsResponse } from '../api/list-migrations.js';
import { startTestDashboard, TEST_TOKEN } from '../testing/start-test-dashboard.js';
import type { TestDashboard } from '../testing/start-test-dashboard.js';
import { approveRolloutStep } from './approve-rollout-step.js';

let dashboard: TestDashboard | undefined;
let stateDir = '';
afterEach(async () => {
  await dashboard?.remove();
  await rm(stateDir, { recursive: true, force: true });
});

const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKEN}` };

/** A controller waiting at the 50 % gate of the critical preset, after 1, 5, 10 and 25 %. */
function gatedState(): RolloutState {
  const at = '2026-03-02T10:00:00.000Z';
  return {
    version: 1, flagKey: 'search', runId: 'run-1', plan: resolveRolloutPlan({ risk: 'critical' }), target: 'live', baseline: 'shadow',
    phase: 'awaiting-approval', stepIndex: 4, gateOpenedAt: at,
    history: [1, 5, 10, 25].map((percent) => ({ percent, startedAt: at, decidedAt: at, status: 'healthy' as const, summary: 'healthy' })),
    startedAt: at, updatedAt: at,
  };
}

async function start(): Promise<{ dashboard: TestDashboard; states: RolloutStateFile }> {
  stateDir = await mkdtemp(join(tmpdir(), 'cutover-rollouts-'));
  const states = new RolloutStateFile(stateDir);
  dashboard = await startTestDashboard({ rollouts: states });
  return { dashboard, states };
}

describe(approveRolloutStep.name, () => {
  it('shows the plan and where it stands on each migration', async () => {
    const { dashboard, states } = await start();
    await states.write(gatedState());
    const body = (await (await fetch(`${dashboard.url}/api/migrations`)).json()) as MigrationsResponse;
    const search = body.migrations.find((m) => m.flagKey === 'search')!;
    expect(search.rollout).toMatchObject({ phase: 'awaiting-approval', step: 5, steps: 7, stepPercent: 50, servingPercent: 25, target: 'live' });
    expect(search.rollout!.plan.filter((s) => s.approval).map((s) => s.percent)).toEqual([50, 75, 100]);
    expect(body.migrations.find((m) => m.flagKey === 'planner')!.rollout).toBeNull();
  });

  it('approves the waiting step with the token, recorded as the dashboard with the reason', async () => {
    const { dashboard, states } = await start();
    await states.write(gatedState());
    const response = await fetch(`${dashboard.url}/api/migrations/search/rollout/approve`, { method: 'POST', headers: auth, body: JSON.stringify({ reason: 'error budget intact' }) });
    expect(response.status).toBe(200);
    const records = await dashboard.auditLog.read();
    expect(records.map((r) => [r.action, r.status, r.actor, r.reason, r.details?.step, r.details?.percent])).toEqual([['approval', 'completed', 'dashboard', 'error budget intact', 4, 50]]);
  });

  it('refuses without the token, and answers 409 when no gate is open and 404 without a rollout', async () => {
    const { dashboard, states } = await start();
    const url = `${dashboard.url}/api/migrations/search/rollout/approve`;
    expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'x' }) })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ reason: 'x' }) })).status).toBe(404);
    await states.write({ ...gatedState(), phase: 'monitoring', stepStartedAt: '2026-03-02T10:00:00.000Z' });
    const busy = await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ reason: 'x' }) });
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('NO_PENDING_APPROVAL');
  });
});
