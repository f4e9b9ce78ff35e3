import { InvalidArgumentError } from 'commander';
import { readRolloutPlan, rolloutPlanPath } from '@cutover/rollout';
import type { RolloutPlanOptions, RolloutRisk } from '@cutover/rollout';

/** The plan options `cutover rollout run` takes on its command line. */
export interface RolloutPlanFlags {
  readonly plan?: string;
  readonly plans: string;
  readonly risk?: RolloutRisk;
  readonly steps?: number[];
  readonly window?: string;
  readonly interval?: string;
  readonly approvalFrom?: number;
  readonly to?: string;
  readonly graceful?: string;
  readonly gracefulSteps?: number;
}

/**
 * The plan of a run: the plan file (`--plan`, else `<plans>/<flag>.json` when
 * it exists), then the command-line options over it, so a flag given on the
 * command line wins. Validated later by `resolveRolloutPlan`.
 */
export async function planFromFlags(flagKey: string, flags: RolloutPlanFlags): Promise<{ options: RolloutPlanOptions; source: string }> {
  const file = flags.plan ?? rolloutPlanPath(flags.plans, flagKey);
  const fromFile = await readRolloutPlan(file, { optional: flags.plan === undefined });
  const given: RolloutPlanOptions = {
    ...(flags.risk === undefined ? {} : { risk: flags.risk }),
    ...(flags.steps === undefined ? {} : { steps: flags.steps }),
    ...(flags.window === undefined ? {} : { window: flags.window }),
    ...(flags.interval === undefined ? {} : { interval: flags.interval }),
    ...(flags.approvalFrom === undefined ? {} : { approvalFrom: flags.approvalFrom }),
    ...(flags.to === undefined ? {} : { target: flags.to }),
    ...(flags.graceful === undefined ? {} : { gracefulRollback: { duration: flags.graceful, ...(flags.gracefulSteps === undefined ? {} : { steps: flags.gracefulSteps }) } }),
  };
  // A risk on the command line replaces the file's preset choices it would otherwise inherit.
  const base = flags.risk !== undefined && fromFile ? { ...fromFile, steps: undefined, window: undefined, approvalFrom: undefined } : fromFile;
  return { options: { ...base, ...given }, source: fromFile ? file : 'command line' };
}

/** `--steps 10,25,50` as numbers. */
export function parseSteps(value: string): number[] {
  const steps = value.split(',').map((part) => Number(part.trim().replace(/%$/, '')));
  if (steps.some((step) => !Number.isInteger(step))) throw new InvalidArgumentError('comma-separated whole percentages, e.g. 10,25,50,100');
  return steps;
}

/** `--risk` as a risk level. */
export function parseRisk(value: string): RolloutRisk {
  if (value !== 'low' && value !== 'medium' && value !== 'critical') throw new InvalidArgumentError('low, medium or critical');
  return value;
}

/** A whole number option. */
export function parseWhole(value: string): number {
  const number = Number(value.replace(/%$/, ''));
  if (!Number.isInteger(number)) throw new InvalidArgumentError('a whole number');
  return number;
}
