import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GUARD_CRITERION_NAMES } from '@cutover/guard';
import { describe, expect, it } from 'vitest';
import { InvalidRolloutOptionError } from '../rollout-error.js';
import { readRolloutPlan } from './read-rollout-plan.js';
import { resolveRolloutPlan } from './resolve-rollout-plan.js';
import { DEFAULT_ROLLOUT_PLAN_CONFIG } from './rollout-plan-config.js';

const percents = (plan: ReturnType<typeof resolveRolloutPlan>) => plan.steps.map((s) => s.percent);
const optionOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRolloutOptionError);
    return (error as InvalidRolloutOptionError).option;
  }
  throw new Error('expected an InvalidRolloutOptionError');
};

describe(resolveRolloutPlan.name, () => {
  describe('defaults', () => {
    it('runs 10, 25, 50, 75, 100 % with 30 min windows, no gate, immediate rollback', () => {
      const plan = resolveRolloutPlan();
      expect(percents(plan)).toEqual([10, 25, 50, 75, 100]);
      expect(plan.steps.every((s) => s.windowMs === 30 * 60_000 && !s.approval)).toBe(true);
      expect(plan.gracefulRollback).toBeUndefined();
      expect(plan.intervalMs).toBe(5000);
      expect(DEFAULT_ROLLOUT_PLAN_CONFIG.window).toBe('30m');
    });
  });

  describe('risk presets', () => {
    it('low starts at 10 % with 30 min windows and the lenient latency limit', () => {
      const plan = resolveRolloutPlan({ risk: 'low' });
      expect(percents(plan)[0]).toBe(10);
      expect(plan.steps[0]!.windowMs).toBe(30 * 60_000);
      expect(plan.guard).toEqual({ risk: 'low' });
    });

    it('medium starts at 5 % with 1 h windows', () => {
      const plan = resolveRolloutPlan({ risk: 'medium' });
      expect(percents(plan)).toEqual([5, 10, 25, 50, 75, 100]);
      expect(plan.steps.every((s) => s.windowMs === 3_600_000 && !s.approval)).toBe(true);
    });

    it('critical starts at 1 % with 2 h windows and approval from 50 % up', () => {
      const plan = resolveRolloutPlan({ risk: 'critical' });
      expect(percents(plan)).toEqual([1, 5, 10, 25, 50, 75, 100]);
      expect(plan.steps.filter((s) => s.approval).map((s) => s.percent)).toEqual([50, 75, 100]);
      expect(plan.steps[0]!.windowMs).toBe(7_200_000);
    });

    it('lets an explicit option win over its preset', () => {
      const plan = resolveRolloutPlan({ risk: 'critical', window: '45s' });
      expect(plan.steps[0]!.windowMs).toBe(45_000);
      expect(plan.steps.at(-1)!.approval).toBe(true);
    });
  });

  describe('steps', () => {
    it('takes a window and a gate per step', () => {
      const plan = resolveRolloutPlan({ steps: [10, { percent: 50, window: '1h', approval: true }, 100], window: '10m' });
      expect(plan.steps).toEqual([
        { percent: 10, windowMs: 600_000, approval: false },
        { percent: 50, windowMs: 3_600_000, approval: true },
        { percent: 100, windowMs: 600_000, approval: false },
      ]);
    });

    it('may stop short of 100 %', () => {
      expect(percents(resolveRolloutPlan({ steps: [10, 25, 50] }))).toEqual([10, 25, 50]);
    });

    it('resolves graceful rollback, errors still cutting at once', () => {
      const plan = resolveRolloutPlan({ gracefulRollback: { duration: '5m' } });
      expect(plan.gracefulRollback).toEqual({ durationMs: 300_000, steps: 5, immediateOn: ['error-rate', 'error-rate-increase'] });
    });

    it('accepts every criterion the guard judges as cutting at once, availability and traffic included', () => {
      const plan = resolveRolloutPlan({ gracefulRollback: { duration: '5m', immediateOn: ['availability', 'traffic'] } });
      expect(plan.gracefulRollback?.immediateOn).toEqual(['availability', 'traffic']);
      for (const criterion of GUARD_CRITERION_NAMES) {
        expect(resolveRolloutPlan({ gracefulRollback: { duration: '5m', immediateOn: [criterion] } }).gracefulRollback?.immediateOn).toEqual([criterion]);
      }
      expect(optionOf(() => resolveRolloutPlan({ gracefulRollback: { duration: '5m', immediateOn: ['speed' as 'latency'] } }))).toBe('gracefulRollback.immediateOn[0]');
    });
  });

  describe('validation', () => {
    it('names the option that is wrong', () => {
      expect(optionOf(() => resolveRolloutPlan({ window: '30' }))).toBe('window');
      expect(optionOf(() => resolveRolloutPlan({ steps: [10, 25.5] }))).toBe('steps[1]');
      expect(optionOf(() => resolveRolloutPlan({ steps: [10, 5] }))).toBe('steps[1]');
      expect(optionOf(() => resolveRolloutPlan({ steps: [10, 101] }))).toBe('steps[1]');
      expect(optionOf(() => resolveRolloutPlan({ steps: [] }))).toBe('steps');
      expect(optionOf(() => resolveRolloutPlan({ steps: [{ percent: 10, window: 'soon' }] }))).toBe('steps[0].window');
      expect(optionOf(() => resolveRolloutPlan({ risk: 'extreme' as 'low' }))).toBe('risk');
      expect(optionOf(() => resolveRolloutPlan({ gracefulRollback: { duration: '5m', steps: 0 } }))).toBe('gracefulRollback.steps');
      expect(optionOf(() => resolveRolloutPlan({ guard: { maxErrorRate: 2 } }))).toBe('guard.maxErrorRate');
      expect(optionOf(() => resolveRolloutPlan({ stepz: [1] } as never))).toBe('stepz');
    });

    it('says what it expected', () => {
      expect(() => resolveRolloutPlan({ interval: '5' })).toThrow(/^Rollout plan option "interval": expected a duration with units/);
    });
  });
});

describe(readRolloutPlan.name, () => {
  it('reads a plan file and ignores its $schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cutover-plan-'));
    const file = join(dir, 'x.json');
    await writeFile(file, JSON.stringify({ $schema: 'x', risk: 'medium', window: '10m' }));
    expect(await readRolloutPlan(file)).toEqual({ risk: 'medium', window: '10m' });
    expect(await readRolloutPlan(join(dir, 'missing.json'), { optional: true })).toBeUndefined();
    await expect(readRolloutPlan(join(dir, 'missing.json'))).rejects.toMatchObject({ option: 'plan' });
    await writeFile(file, '[1]');
    await expect(readRolloutPlan(file)).rejects.toThrow(/one JSON object/);
  });
});
