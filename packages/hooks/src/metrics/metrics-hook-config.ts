import { register } from 'prom-client';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { isRegistry } from './is-registry.js';
import { durationBoundsSchema } from './duration-bounds.js';
import { metricsEnv } from './metrics-env.js';
import { resolveOptions } from '@cutover/core';
import type { OptionsSpec } from '@cutover/core';

/** Settings of `MetricsHook`, all filled in. */
export interface MetricsHookConfig {
  /**
   * Registry the metrics are registered in. Hooks sharing a registry share its
   * metrics, which are created once.
   * @default prom-client's global `register`
   */
  readonly registry: Registry;
  /**
   * Upper bounds, in seconds and increasing, of the evaluation duration
   * histogram's buckets. Environment: `CUTOVER_METRICS_DURATION_BUCKETS`
   * (comma-separated).
   * @default 10 µs … 1 s, see {@link DEFAULT_METRICS_HOOK_CONFIG}
   */
  readonly durationBuckets: readonly number[];
  /**
   * Distinct (provider, flag key) pairs that get series of their own; further
   * flags are counted under the `__overflow__` flag key. Environment:
   * `CUTOVER_METRICS_MAX_FLAGS`.
   * @default 1000
   */
  readonly maxFlags: number;
  /**
   * Distinct outcomes (variant × reason, or error code) counted per flag;
   * further ones are counted under `__overflow__`.
   * @default 64
   */
  readonly maxOutcomesPerFlag: number;
}

/** Options of `MetricsHook`: any subset of {@link MetricsHookConfig}. */
export type MetricsHookOptions = Partial<MetricsHookConfig>;

/** Defaults of {@link MetricsHookConfig}. */
export const DEFAULT_METRICS_HOOK_CONFIG: MetricsHookConfig = Object.freeze({
  registry: register,
  // An in-memory evaluation takes microseconds, a remote one milliseconds; the
  // buckets cover both so a slow remote source shows up as its own mode.
  durationBuckets: Object.freeze([
    0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
  ]),
  maxFlags: 1000,
  maxOutcomesPerFlag: 64,
});

const schema = z.strictObject({
  registry: z.custom<Registry>(isRegistry, { message: 'expected a prom-client Registry' }),
  durationBuckets: durationBoundsSchema,
  maxFlags: z.number().int().positive(),
  maxOutcomesPerFlag: z.number().int().positive(),
});

const SPEC: OptionsSpec<MetricsHookConfig> = {
  component: 'MetricsHook',
  naming: 'top',
  schema,
  defaults: DEFAULT_METRICS_HOOK_CONFIG,
  env: metricsEnv({ durationBuckets: 'CUTOVER_METRICS_DURATION_BUCKETS', maxFlags: 'CUTOVER_METRICS_MAX_FLAGS' }),
};

/**
 * Merges defaults, environment and options (options win), then validates.
 * @throws {InvalidOptionError} naming the first option whose value is unusable
 */
export function resolveMetricsHookConfig(
  options: MetricsHookOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): MetricsHookConfig {
  const config = resolveOptions(SPEC, options, env);
  return Object.freeze({ ...config, durationBuckets: Object.freeze([...config.durationBuckets]) });
}
