import { writeFile } from 'node:fs/promises';
import type { GuardVerdict } from '@cutover/guard';
import { OverlayFile } from '@cutover/rollback';
import { describe, expect, it } from 'vitest';
import { approveRollout } from '../approval/approve-rollout.js';
import { ROLLOUT_METADATA } from '../overlay/rollout-entry.js';
import { resolveRolloutPlan } from '../plan/resolve-rollout-plan.js';
import type { RolloutPlanOptions } from '../plan/rollout-plan-config.js';
import type { RolloutState } from '../state/rollout-state.js';
import { FakeClock, FLAG, rolloutWorkspace, ScriptedAnalysis, verdict } from '../testing/rollout-fixture.js';
import type { RolloutProgress } from './rollout-progress.js';
import { RolloutController } from './rollout-controller.js';

const MINUTE = 60_000;

async function setUp(options: { plan?: RolloutPlanOptions; answer?: (c: { percent: number; elapsedMs: number }) => GuardVerdict } = {}) {
  const workspace = await rolloutWorkspace();
  const clock = new FakeClock();
  const overlay = new OverlayFile(workspace.overlayPath);
  const percentNow = async (): Promise<number> => Number((await overlay.read()).flags[FLAG]?.metadata?.[ROLLOUT_METADATA.percent] ?? 0);
  const analysis = new ScriptedAnalysis(clock, options.answer ?? (() => verdict('healthy')), percentNow);
  const progress: RolloutProgress[] = [];
  const plan = resolveRolloutPlan({ steps: [10, 25, 50], window: '10m', interval: '1m', ...options.plan });
  const controller = (onProgress?: (p: RolloutProgress) => void) =>
    new RolloutController({
      flagKey: FLAG, files: [workspace.flagFile], overlay: workspace.overlayPath, plan, analysis, clock,
      rollback: workspace.rollback, audit: workspace.audit, states: workspace.states,
      onProgress: (p) => {
        progress.push(p);
        onProgress?.(p);
      },
    });
  return { ...workspace, clock, overlay, analysis, progress, controller, percentNow };
}

describe(RolloutController.name, () => {
  describe('healthy steps', () => {
    it('writes each split into the overlay, canary first, and advances only after the whole window', async () => {
      const t = await setUp();
      const splits: unknown[] = [];
      const state = await t.controller((p) => {
        if (p.kind === 'step') splits.push(undefined);
      }).run();
      expect(state.phase).toBe('completed');
      expect(state.history.map((h) => h.percent)).toEqual([10, 25, 50]);
      for (const h of state.history) expect(Date.parse(h.decidedAt) - Date.parse(h.startedAt)).toBeGreaterThanOrEqual(10 * MINUTE);
      const entry = (await t.overlay.read()).flags[FLAG]!;
      expect(entry.targeting).toEqual({ fractional: [['live', 50], ['shadow', 50]] });
      expect(entry.metadata).toMatchObject({ kind: 'migration', rollbackVariant: 'off', rolloutBy: 'controller', rolloutStep: 2, rolloutPercent: 50 });
      expect(entry.metadata?.rolledBack).toBeUndefined();
      expect(splits).toHaveLength(3);
    });

    it('records every step and the completion in the audit log', async () => {
      const t = await setUp();
      await t.controller().run();
      const records = await t.audit.read();
      expect(records.map((r) => [r.action, r.status, r.details?.percent])).toEqual([
        ['rollout', 'completed', 10],
        ['rollout', 'completed', 25],
        ['rollout', 'completed', 50],
        ['rollout', 'completed', 50],
      ]);
      expect(records.at(-1)!.reason).toMatch(/plan completed.*cutover stage search.ranking live/);
      expect(records[1]!.details?.previous).toMatchObject({ percent: 10, status: 'healthy' });
    });
  });

  describe('insufficient data', () => {
    it('extends the window instead of passing or failing, and says so', async () => {
      // No data for the first 25 minutes of the 10 % step.
      const t = await setUp({ answer: ({ percent, elapsedMs }) => verdict(percent === 10 && elapsedMs < 25 * MINUTE ? 'insufficient-data' : 'healthy') });
      const state = await t.controller().run();
      expect(state.phase).toBe('completed');
      const first = state.history[0]!;
      expect(Date.parse(first.decidedAt) - Date.parse(first.startedAt)).toBeGreaterThanOrEqual(25 * MINUTE);
      const extending = t.progress.filter((p) => p.kind === 'extending');
      expect(extending.length).toBeGreaterThan(0);
      expect(extending[0]!.message).toMatch(/never passing or failing for lack of/);
    });
  });

  describe('degraded', () => {
    it('rolls back at once when the plan has no graceful rollback', async () => {
      const t = await setUp({ answer: ({ percent }) => verdict(percent === 25 ? 'degraded' : 'healthy', percent === 25 ? ['error-rate'] : []) });
      const state = await t.controller().run();
      expect(state.phase).toBe('rolled-back');
      expect(state.stepIndex).toBe(1);
      expect(t.rollbacks).toEqual([{ reason: 'error_rate', message: 'degraded: error-rate fail' }]);
      expect((await t.overlay.read()).flags[FLAG]).toMatchObject({ defaultVariant: 'off', metadata: { rolledBack: true } });
    });

    it('ramps the candidate down in the plan\'s steps when the failure is not an emergency', async () => {
      const t = await setUp({
        plan: { gracefulRollback: { duration: '4m', steps: 4 } },
        answer: ({ percent }) => verdict(percent >= 25 ? 'degraded' : 'healthy', percent >= 25 ? ['latency'] : []),
      });
      const state = await t.controller().run();
      expect(state.phase).toBe('rolled-back');
      const ramp = (await t.audit.read()).filter((r) => r.details?.rampDown !== undefined);
      expect(ramp.map((r) => r.details?.percent)).toEqual([19, 13, 6]);
      expect(Date.parse(ramp[2]!.at) - Date.parse(ramp[0]!.at)).toBe(160_000);
      expect(Date.parse(state.outcome!.at) - Date.parse(ramp[0]!.at)).toBe(4 * MINUTE);
      expect(t.rollbacks.map((r) => r.reason)).toEqual(['latency']);
    });

    it('still cuts at once when an emergency criterion fails during the ramp-down', async () => {
      const t = await setUp({
        plan: { gracefulRollback: { duration: '10m', steps: 5 } },
        answer: ({ percent }) => (percent === 25 ? verdict('degraded', ['latency']) : percent < 25 && percent > 10 ? verdict('degraded', ['latency', 'error-rate']) : verdict('healthy')),
      });
      const state = await t.controller().run();
      expect(state.phase).toBe('rolled-back');
      const ramp = (await t.audit.read()).filter((r) => r.details?.rampDown !== undefined);
      expect(ramp).toHaveLength(1);
      expect(t.rollbacks.map((r) => r.reason)).toEqual(['latency']);
    });

    it('stops when someone else rolled the flag back', async () => {
      const t = await setUp();
      const state = await t.controller((p) => {
        if (p.kind === 'step' && p.state.stepIndex === 1) void t.rollback.rollback({ flag: FLAG }, 'manual', { message: 'pager' });
      }).run();
      expect(state.phase).toBe('rolled-back');
      expect(state.outcome?.summary).toMatch(/rolled back outside the controller/);
      expect(t.rollbacks).toHaveLength(1);
    });

    it('refuses to start on a flag that is rolled back', async () => {
      const t = await setUp();
      await t.rollback.rollback({ flag: FLAG }, 'manual', { message: 'pager' });
      await expect(t.controller().run()).rejects.toMatchObject({ code: 'ROLLOUT_CONFLICT' });
    });
  });

  describe('approval gates', () => {
    it('waits at a gate, keeps watching the previous split, and goes on once approved', async () => {
      const t = await setUp({ plan: { steps: [10, { percent: 50, approval: true }] } });
      let waitedFrom = 0;
      const state = await t.controller((p) => {
        if (p.kind === 'awaiting-approval') {
          waitedFrom = t.clock.now();
          // Approved an hour later, by someone else.
          setTimeout(() => void (t.clock.time += 60 * MINUTE, approveRollout({ states: t.states, audit: t.audit, flagKey: FLAG, actor: 'cli:alice', reason: 'numbers look fine' })), 20);
        }
      }).run();
      expect(state.phase).toBe('completed');
      expect(Date.parse(state.history[1]!.startedAt) - waitedFrom).toBeGreaterThanOrEqual(60 * MINUTE);
      const approvals = (await t.audit.read()).filter((r) => r.action === 'approval');
      expect(approvals.map((r) => [r.status, r.actor, r.details?.percent])).toEqual([['initiated', 'controller', 50], ['completed', 'cli:alice', 50]]);
      expect(t.progress.find((p) => p.kind === 'approved')?.message).toBe('approved by cli:alice: numbers look fine');
    });

    it('refuses an approval when no gate is open', async () => {
      const t = await setUp();
      await expect(approveRollout({ states: t.states, audit: t.audit, flagKey: FLAG, actor: 'cli:bob', reason: 'x' })).rejects.toMatchObject({ code: 'ROLLOUT_NOT_FOUND' });
      await t.controller().run();
      await expect(approveRollout({ states: t.states, audit: t.audit, flagKey: FLAG, actor: 'cli:bob', reason: 'x' })).rejects.toMatchObject({ code: 'NO_PENDING_APPROVAL' });
    });
  });

  describe('resume', () => {
    it('continues the step it was watching, with the window counted from the split, not from the restart', async () => {
      const t = await setUp();
      const first = t.controller((p) => {
        if (p.kind === 'tick' && p.state.stepIndex === 1 && (p.remainingMs ?? 0) <= 6 * MINUTE) first.stop();
      });
      const stopped = await first.run();
      expect(stopped).toMatchObject({ phase: 'monitoring', stepIndex: 1 });
      t.clock.time += 2 * MINUTE; // the controller was down for two minutes
      const resumedAt = t.clock.now();
      const state = await t.controller().run();
      expect(state.phase).toBe('completed');
      expect(t.progress.filter((p) => p.kind === 'resumed')).toHaveLength(1);
      expect(t.analysis.windows).toContain(Date.parse(stopped.stepStartedAt!));
      // 25 % ends 10 min after its split, i.e. before the resumed run's 10 min would have.
      expect(Date.parse(state.history[1]!.decidedAt) - resumedAt).toBeLessThan(10 * MINUTE);
      const steps = (await t.audit.read()).filter((r) => r.action === 'rollout' && !r.details?.completed).map((r) => r.details?.percent);
      expect(steps).toEqual([10, 25, 50]);
    });

    it('finishes a split write a crash interrupted, once, without a second audit record', async () => {
      const t = await setUp();
      const first = t.controller((p) => {
        if (p.kind === 'step' && p.state.stepIndex === 1) first.stop();
      });
      const stopped = await first.run();
      // As if killed after the audit record but before the state moved on.
      await t.states.write({ ...stopped, phase: 'advancing' } satisfies RolloutState);
      await writeFile(t.overlayPath, JSON.stringify({ flags: {} }));
      const state = await t.controller().run();
      expect(state.phase).toBe('completed');
      const steps = (await t.audit.read()).filter((r) => r.action === 'rollout' && !r.details?.completed).map((r) => r.details?.percent);
      expect(steps).toEqual([10, 25, 50]);
    });

    it('starts a new run after a finished one', async () => {
      const t = await setUp();
      const one = await t.controller().run();
      const two = await t.controller().run();
      expect(two.runId).not.toBe(one.runId);
      expect(t.progress.filter((p) => p.kind === 'started')).toHaveLength(2);
    });
  });
});
