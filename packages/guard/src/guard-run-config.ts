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
}

/** Options of a guard's run: any subset of {@link GuardRunConfig}. */
export type GuardRunOptions = Partial<GuardRunConfig>;

/** Defaults of {@link GuardRunConfig}. */
export const DEFAULT_GUARD_RUN_CONFIG: GuardRunConfig = Object.freeze({ intervalMs: 5000, actor: 'guard' });

const schema = z.strictObject({
  intervalMs: z.number().int().min(10).max(3_600_000),
  actor: z.string().min(1),
});

const SPEC: OptionsSpec<GuardRunConfig> = {
  component: 'Guard',
  naming: 'top',
  schema,
  defaults: DEFAULT_GUARD_RUN_CONFIG,
  env: { intervalMs: { variable: 'CUTOVER_GUARD_INTERVAL_MS', read: unlessBlank(envNumber) } },
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
