import type { Logger } from '@openfeature/server-sdk';
import { exponentialBuckets, register } from 'prom-client';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { durationBoundsSchema } from '../metrics/duration-bounds.js';
import { isRegistry } from '../metrics/is-registry.js';
import { metricsEnv } from '../metrics/metrics-env.js';
import { resolveOptions } from '@cutover/core';
import type { OptionsSpec } from '@cutover/core';

/** Settings of `MigrationMetrics`, all filled in. */
export interface MigrationMetricsConfig {
  /**
   * Registry the migration metrics are registered in; one `MigrationMetrics` per registry.
   * @default prom-client's global `register`
   */
  readonly registry: Registry;
  /**
   * Upper bounds, in seconds and increasing, of the call duration histograms.
   * The guard's latency check can only resolve ratios coarser than the spacing
   * of adjacent bounds, so keep them at most 1.25× apart (see docs/guard.md).
   * Environment: `CUTOVER_MIGRATION_DURATION_BUCKETS` (comma-separated).
   * @default exponentialBuckets(0.0005, 1.2, 60): 0.5 ms … about 23 s, 1.2× apart
   */
  readonly durationBuckets: readonly number[];
  /**
   * Most buckets per series in the native histogram exposition
   * (`nativeExposition()`); a series whose durations spread over more is
   * written at a lower resolution (schema 4, 3 …: bounds 4.4 %, 9 % … apart).
   * The default keeps schema 5 (2.2 %) for durations spanning up to ten
   * octaves (×1 024, say 2 ms to 2 s), as a service's calls do. At least 3.
   * @default 320
   */
  readonly nativeMaxBuckets: number;
  /**
   * Distinct flag keys that get series of their own; further ones (for
   * example generated keys in tracking events) are counted under `__overflow__`.
   * Environment: `CUTOVER_MIGRATION_METRICS_MAX_FLAGS`.
   * @default 256
   */
  readonly maxFlags: number;
  /**
   * Distinct business outcome event names (`client.track('pr_accepted', …)`)
   * per migration that get series of their own; further ones are counted
   * under `__overflow__`.
   * @default 16
   */
  readonly maxOutcomeEvents: number;
  /**
   * Where failures of a metric update are reported (the first ten, then one in a thousand).
   * @default console
   */
  readonly logger: Logger;
}

/** Options of `MigrationMetrics`: any subset of {@link MigrationMetricsConfig}. */
export type MigrationMetricsOptions = Partial<MigrationMetricsConfig>;

/** Defaults of {@link MigrationMetricsConfig}. */
export const DEFAULT_MIGRATION_METRICS_CONFIG: MigrationMetricsConfig = Object.freeze({
  registry: register,
  durationBuckets: Object.freeze(exponentialBuckets(0.0005, 1.2, 60)),
  nativeMaxBuckets: 320,
  maxFlags: 256,
  maxOutcomeEvents: 16,
  logger: console,
});

const schema = z.strictObject({
  registry: z.custom<Registry>(isRegistry, { message: 'expected a prom-client Registry' }),
  durationBuckets: durationBoundsSchema,
  // Schema −4 still splits the range at 2^−16 s and at 1 s: three buckets are the least a cap can ask.
  nativeMaxBuckets: z.number().int().min(3),
  maxFlags: z.number().int().positive(),
  maxOutcomeEvents: z.number().int().positive(),
  logger: z.custom<Logger>((value) => typeof (value as Partial<Logger> | undefined)?.error === 'function', { message: 'expected a logger with error()' }),
});

const SPEC: OptionsSpec<MigrationMetricsConfig> = {
  component: 'MigrationMetrics',
  naming: 'top',
  schema,
  defaults: DEFAULT_MIGRATION_METRICS_CONFIG,
  env: metricsEnv({ durationBuckets: 'CUTOVER_MIGRATION_DURATION_BUCKETS', maxFlags: 'CUTOVER_MIGRATION_METRICS_MAX_FLAGS' }),
};

/**
 * Merges defaults, environment and options (options win), then validates.
 * @throws {InvalidOptionError} naming the first option whose value is unusable
 */
export function resolveMigrationMetricsConfig(
  options: MigrationMetricsOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): MigrationMetricsConfig {
  const config = resolveOptions(SPEC, options, env);
  return Object.freeze({ ...config, durationBuckets: Object.freeze([...config.durationBuckets]) });
}
