import { z } from 'zod';
import { envNumber, resolveOptions, unlessBlank } from '@cutover/core';
import type { OptionsSpec } from '@cutover/core';

/** How a `Guard` runs (its limits are a `GuardConfig`). */
export interface GuardRunConfig {
  /**
   * Milliseconds between evaluations. Environment: `CUTOVER_GUARD_INTERVAL_MS`.
   * The tests stay valid however often they look, so this only trades load for reaction time.
   * @default 5000
   */
  readonly intervalMs: number;
  /**
   * Who the audit log names as the actor of the guard's rollbacks.
   * @default 'guard'
   */
  readonly actor: string;
  /**
   * Milliseconds between two summary lines while the verdict stays the same:
   * the guard logs a verdict when its state or failed criteria change, and
   * otherwise only this summary. Environment: `CUTOVER_GUARD_SUMMARY_INTERVAL_MS`.
   * @default 900000 (15 minutes)
   */
  readonly summaryIntervalMs: number;
  /**
   * How far back the traffic check's "recent" reaches, in milliseconds: a
   * candidate that answered none of its share for this long is degraded.
   * Environment: `CUTOVER_GUARD_RECENT_MS`.
   * @default 60000
   */
  readonly recentMs: number;
}

/** Options of a guard's run: any subset of {@link GuardRunConfig}. */
export type GuardRunOptions = Partial<GuardRunConfig>;

/** Defaults of {@link GuardRunConfig}. */
export const DEFAULT_GUARD_RUN_CONFIG: GuardRunConfig = Object.freeze({ intervalMs: 5000, actor: 'guard', summaryIntervalMs: 900_000, recentMs: 60_000 });

const schema = z.strictObject({
  intervalMs: z.number().int().min(10).max(3_600_000),
  actor: z.string().min(1),
  summaryIntervalMs: z.number().int().min(1000),
  recentMs: z.number().int().min(1000),
});

const SPEC: OptionsSpec<GuardRunConfig> = {
  component: 'Guard',
  naming: 'top',
  schema,
  defaults: DEFAULT_GUARD_RUN_CONFIG,
  env: {
    intervalMs: { variable: 'CUTOVER_GUARD_INTERVAL_MS', read: unlessBlank(envNumber) },
    summaryIntervalMs: { variable: 'CUTOVER_GUARD_SUMMARY_INTERVAL_MS', read: unlessBlank(envNumber) },
    recentMs: { variable: 'CUTOVER_GUARD_RECENT_MS', read: unlessBlank(envNumber) },
  },
};

/**
 * Merges defaults, environment and options (options win), then validates.
 * @throws {InvalidOptionError} naming the first option whose value is unusable
 */
export function resolveGuardRunConfig(
  options: GuardRunOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): GuardRunConfig {
  return Object.freeze(resolveOptions(SPEC, options, env));
}
