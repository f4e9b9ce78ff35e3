import { z } from 'zod';
import { envBoolean, envNumber, envString, resolveOptions, unlessBlank } from '@cutover/core';
import type { EnvMap } from '@cutover/core';
import type { ReadOnlySwitch } from './read-only-switch.js';
import type { ReadPreference } from './read-preference.js';

/** The tunable behaviour of a {@link Migration}. */
export interface MigrationConfig {
  /** Milliseconds before the runner stops waiting for the candidate (when it runs beside legacy) and aborts its signal. @default 5000 */
  candidateTimeoutMs: number;
  /** Maximum runs of the non-authoritative path in flight; excess calls skip it and are counted. @default 64 */
  maxInFlight: number;
  /** Fraction of calls, 0..1, on which the non-authoritative read runs and is compared. @default 1 */
  sampleRatio: number;
  /** Fraction of compared calls, 0..1, on which legacy runs a second time to detect noisy fields (Diffy). @default 0 */
  noiseRatio: number;
  /**
   * Return legacy's outcome when the candidate's read fails or times out
   * (after `candidateTimeoutMs`), in `live` and also in `rampdown` and
   * `complete`, where the candidate answers alone: a failing full cutover
   * then costs callers legacy's latency, not errors, until it is rolled back.
   * @default false
   */
  fallbackToLegacy: boolean;
  /** Largest stored input or value of a mismatch, in bytes of JSON; larger ones are stored truncated. @default 16384 */
  maxStoredBytes: number;
  /**
   * Largest value compared, in approximate bytes of JSON. A call whose legacy
   * or candidate value is larger is recorded as a comparison error
   * (`over-budget`) without running the comparator, so one huge result cannot
   * stall the process. @default 1048576
   */
  maxComparedBytes: number;
  /** Lifetime of an item lock, in ms. @default 30000 */
  lockTtlMs: number;
  /** How long to wait for a busy item lock, in ms; 0 tries once. @default 0 */
  lockWaitMs: number;
  /**
   * Read-only mode: `true`, or the switch that turns it on, an environment
   * variable (`{ env: 'CLAMBAKE_READONLY' }`, read once) or a boolean flag
   * (`{ flag: 'clambake-readonly' }`, evaluated per call with the caller's
   * context). In read-only mode no write implementation runs (writes are
   * simulated) and every read runs with `readonly: true`. @default false
   */
  readOnly: ReadOnlySwitch;
  /**
   * Which read answers the caller where the stage runs both: `stage`, the
   * stage's authoritative path; `fastest`, the first of the two to succeed,
   * both still compared. @default 'stage'
   */
  readPreference: ReadPreference;
  /** Store the (bounded) values and input of matches too, not only of mismatches. @default false */
  keepMatchValues: boolean;
}

/** Options of a {@link Migration}: any subset of {@link MigrationConfig}. */
export type MigrationOptions = Partial<MigrationConfig>;

/** The defaults of {@link MigrationConfig}. */
export const DEFAULT_MIGRATION_CONFIG: Readonly<MigrationConfig> = Object.freeze({
  candidateTimeoutMs: 5000,
  maxInFlight: 64,
  sampleRatio: 1,
  noiseRatio: 0,
  fallbackToLegacy: false,
  maxStoredBytes: 16_384,
  maxComparedBytes: 1_048_576,
  lockTtlMs: 30_000,
  lockWaitMs: 0,
  readOnly: false,
  readPreference: 'stage',
  keepMatchValues: false,
});

/** Environment variables that tune every migration of a process, below explicit options. */
export const MIGRATION_ENV: Readonly<Record<keyof MigrationConfig, string>> = {
  candidateTimeoutMs: 'CUTOVER_CANDIDATE_TIMEOUT_MS',
  maxInFlight: 'CUTOVER_MAX_IN_FLIGHT',
  sampleRatio: 'CUTOVER_SAMPLE_RATIO',
  noiseRatio: 'CUTOVER_NOISE_RATIO',
  fallbackToLegacy: 'CUTOVER_FALLBACK_TO_LEGACY',
  maxStoredBytes: 'CUTOVER_MAX_STORED_BYTES',
  maxComparedBytes: 'CUTOVER_MAX_COMPARED_BYTES',
  lockTtlMs: 'CUTOVER_LOCK_TTL_MS',
  lockWaitMs: 'CUTOVER_LOCK_WAIT_MS',
  readOnly: 'CUTOVER_READONLY',
  readPreference: 'CUTOVER_READ_PREFERENCE',
  keepMatchValues: 'CUTOVER_KEEP_MATCH_VALUES',
};

const ratio = z.number().min(0).max(1);
const schema = z.strictObject({
  candidateTimeoutMs: z.number().positive(),
  maxInFlight: z.number().int().min(0),
  sampleRatio: ratio,
  noiseRatio: ratio,
  fallbackToLegacy: z.boolean(),
  maxStoredBytes: z.number().int().min(64),
  maxComparedBytes: z.number().int().min(64),
  lockTtlMs: z.number().positive(),
  lockWaitMs: z.number().min(0),
  readOnly: z.union([z.boolean(), z.strictObject({ env: z.string().min(1) }), z.strictObject({ flag: z.string().min(1) })], {
    error: 'true, false, { env: "VARIABLE" } or { flag: "flag-key" }',
  }),
  readPreference: z.enum(['stage', 'fastest']),
  keepMatchValues: z.boolean(),
});

/** Where {@link resolveMigrationConfig} takes its values from. */
export interface MigrationConfigSources {
  readonly options?: MigrationOptions;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

const number = unlessBlank(envNumber);
const READERS: Partial<Record<keyof MigrationConfig, (raw: string) => unknown>> = {
  fallbackToLegacy: unlessBlank((raw) => raw === 'true'),
  readOnly: unlessBlank(envBoolean),
  readPreference: unlessBlank(envString),
  keepMatchValues: unlessBlank(envBoolean),
};
const ENV_MAP: EnvMap<MigrationConfig> = Object.fromEntries(
  Object.entries(MIGRATION_ENV).map(([key, variable]) => [key, { variable, read: READERS[key as keyof MigrationConfig] ?? number }]),
);

/** Merges defaults < environment < options, validates, and throws `InvalidOptionError` naming the bad option and the variable behind it. */
export function resolveMigrationConfig({ options = {}, env = process.env }: MigrationConfigSources = {}): MigrationConfig {
  return resolveOptions({ component: 'Migration', naming: 'top', schema, defaults: DEFAULT_MIGRATION_CONFIG, env: ENV_MAP }, options, env);
}
