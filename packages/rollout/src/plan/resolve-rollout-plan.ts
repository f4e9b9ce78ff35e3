import { InvalidOptionError, resolveOptions } from '@cutover/core';
import type { InvalidOptionInit } from '@cutover/core';
import { GUARD_CRITERION_NAMES, resolveGuardConfig } from '@cutover/guard';
import { z } from 'zod';
import { parseDuration } from '../duration/parse-duration.js';
import { InvalidRolloutOptionError } from '../rollout-error.js';
import { DEFAULT_ROLLOUT_PLAN_CONFIG, ROLLOUT_RISK_PRESETS } from './rollout-plan-config.js';
import type { RolloutPlanOptions } from './rollout-plan-config.js';
import type { RolloutPlan, RolloutRisk } from './rollout-plan.js';

const duration = z.string().refine((text) => (parseDuration(text) ?? 0) > 0, 'expected a duration with units, e.g. "45s", "30m", "2h"');
const percent = z.number().int('expected a whole number').min(1).max(100);
const criterion = z.enum(GUARD_CRITERION_NAMES);

const schema = z.strictObject({
  risk: z.enum(['low', 'medium', 'critical']).optional(),
  steps: z
    .array(z.union([percent, z.strictObject({ percent, window: duration.optional(), approval: z.boolean().optional() })]))
    .min(1, 'expected at least one step'),
  window: duration,
  approvalFrom: percent.optional(),
  target: z.string().min(1).optional(),
  gracefulRollback: z
    .strictObject({ duration, steps: z.number().int().min(1).max(100).optional(), immediateOn: z.array(criterion).optional() })
    .optional(),
  interval: duration,
  guard: z.record(z.string(), z.unknown()),
});

/**
 * Merges defaults, the `risk` preset and the options (in that order), validates
 * the result and resolves durations to milliseconds. Steps must rise strictly;
 * the last need not be 100 (a plan may stop at a canary). The guard limits are
 * checked with `resolveGuardConfig`.
 *
 * @throws InvalidRolloutOptionError naming the first unusable option, e.g. `steps[2]` or `window`
 */
export function resolveRolloutPlan(options: RolloutPlanOptions = {}): RolloutPlan {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as RolloutPlanOptions;
  const risk = given.risk;
  if (risk !== undefined && !Object.hasOwn(ROLLOUT_RISK_PRESETS, risk)) {
    throw new InvalidRolloutOptionError('risk', `expected one of ${Object.keys(ROLLOUT_RISK_PRESETS).join(', ')}, got ${JSON.stringify(risk)}`);
  }
  const preset = risk === undefined ? {} : ROLLOUT_RISK_PRESETS[risk as RolloutRisk];
  const defaults = Object.fromEntries(Object.entries({ ...DEFAULT_ROLLOUT_PLAN_CONFIG, ...preset }).filter(([, value]) => value !== undefined));
  const plan = resolveOptions({ component: 'Rollout plan', naming: 'brackets', schema, defaults, error: rolloutOptionError }, given as z.input<typeof schema>, {});
  const windowMs = parseDuration(plan.window)!;
  const steps = plan.steps.map((step) => {
    const { percent: p, window, approval } = typeof step === 'number' ? { percent: step, window: undefined, approval: undefined } : step;
    return { percent: p, windowMs: window === undefined ? windowMs : parseDuration(window)!, approval: approval ?? (plan.approvalFrom !== undefined && p >= plan.approvalFrom) };
  });
  steps.forEach((step, index) => {
    if (index > 0 && step.percent <= steps[index - 1]!.percent) {
      throw new InvalidRolloutOptionError(`steps[${index}]`, `steps must rise: ${step.percent} % follows ${steps[index - 1]!.percent} %`);
    }
  });
  try {
    resolveGuardConfig(plan.guard);
  } catch (error) {
    throw new InvalidRolloutOptionError(`guard.${error instanceof InvalidOptionError ? error.option : ''}`, (error as Error).message, { cause: error });
  }
  const graceful = plan.gracefulRollback;
  return Object.freeze({
    steps: Object.freeze(steps.map((step) => Object.freeze(step))),
    target: plan.target,
    gracefulRollback: graceful && Object.freeze({
      durationMs: parseDuration(graceful.duration)!,
      steps: graceful.steps ?? 5,
      immediateOn: Object.freeze([...(graceful.immediateOn ?? ['error-rate', 'error-rate-increase'])]),
    }),
    intervalMs: parseDuration(plan.interval)!,
    risk: plan.risk,
    guard: Object.freeze({ ...plan.guard }),
  });
}

function rolloutOptionError(init: InvalidOptionInit): InvalidRolloutOptionError {
  return new InvalidRolloutOptionError(init.option, init.reason, init);
}
