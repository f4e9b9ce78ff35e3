import { dirname, join } from 'node:path';
import { DefaultLogger } from '@openfeature/server-sdk';
import type { Logger } from '@openfeature/server-sdk';
import { envList, resolveOptions } from '@cutover/core';
import type { OptionsSpec, SchemaBuilder } from '@cutover/core';
import { CutoverProviderOptionError } from './cutover-provider-option-error.js';
import type { BucketingVersion } from './hashing/bucketing.js';
import type { Layer } from './layer.js';
import { envFlagsSchema } from './layers/env-flag-mapping.js';
import type { EnvFlagMapping } from './layers/env-flag-mapping.js';
import { ROLLBACK_OVERLAY_FILE } from './layers/rollback-layer.js';
import { stageMappingsSchema } from './stages/stage-mapping.js';
import type { StageMapping } from './stages/stage-mapping.js';

export { CutoverProviderOptionError } from './cutover-provider-option-error.js';

/** Everything CutoverProvider can be told. */
export interface CutoverProviderConfig {
  /**
   * flagd JSON flag files, lowest precedence first: a later file replaces an
   * earlier one's flag of the same key, as flagd does with repeated `--uri`.
   * @default the comma-separated list in `CUTOVER_FLAG_FILES`, else none
   */
  files: string[];
  /**
   * The rollback overlay file (written by the guard and `cutover rollback`,
   * served by flagd as its last `--uri`); `false` for none. A missing file is
   * an empty overlay.
   * @default `CUTOVER_ROLLBACK_OVERLAY`, else `rollbacks.flagd.json` beside the first file
   */
  rollbackOverlay: string | false;
  /**
   * Prefix of the environment variables read as flags (`FF_NEW_PLANNER=true`);
   * `false` reads only the flags declared in `envFlags`. An empty prefix is
   * refused: it would serve any process variable by a flag's key (`path` as `$PATH`).
   * @default `CUTOVER_ENV_PREFIX`, else `"FF_"`
   */
  envPrefix: string | false;
  /**
   * Flags read from the variables a team already keeps, by flag key:
   * `{ 'mspbyte.bullmq': { enabled: 'USE_BULLMQ', ids: 'BULLMQ_TENANTS', percentage: 'MIGRATION_PERCENTAGE' } }`.
   * Each is a boolean per targeting key; see `EnvFlagMapping` for the
   * precedence. A malformed value stops the provider's start, naming the variable.
   * @default none
   */
  envFlags: Readonly<Record<string, EnvFlagMapping>>;
  /**
   * Migration flags whose stage is read from boolean flags (from any layer),
   * by migration flag key: `{ CLAMBAKE_NEW_PLANNER: { true: 'live', false: 'off' } }`,
   * or rules over several flags. Applies when the stage is asked for (a string
   * evaluation); the boolean flags still answer as booleans.
   * @default none
   */
  stages: Readonly<Record<string, StageMapping>>;
  /** The environment variables. @default process.env */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Serve per-evaluation overrides from the evaluation context (the
   * `contextOverrideAttribute`). Whoever builds the context can then choose a
   * flag's variant for that evaluation, so strip the attribute from contexts
   * built from untrusted input, or turn this off. A rollback wins either way.
   * @default true
   */
  contextOverrides: boolean;
  /** The evaluation-context attribute that carries per-evaluation overrides. @default "cutoverOverrides" */
  contextOverrideAttribute: string;
  /** Watch the flag files and apply valid changes. @default true */
  watch: boolean;
  /** How long a file must be quiet before a change is read, in ms. @default 30 */
  watchDebounceMs: number;
  /** The remote layer (flagd), between the environment and the files. @default none */
  remote: Layer | undefined;
  /**
   * How `fractional` rules and `FF_*_PERCENT` canaries bucket: `v2` as flagd and
   * its providers since the 2026 high-precision fractional release, `v1` as flagd
   * 0.14 and earlier. Match the flagd your fleet runs so an id takes the same
   * path locally and remotely.
   * @default `CUTOVER_BUCKETING`, else `"v2"`
   */
  bucketing: BucketingVersion;
  /**
   * Refuse a flag file that flagd would serve despite a deviation from its
   * schemas (a warning otherwise: logged with its location, and the flags serve).
   * For CI and pre-deployment checks; a running service follows flagd.
   * @default `CUTOVER_STRICT=true`, else false
   */
  strict: boolean;
  /** Where problems are logged. @default OpenFeature's DefaultLogger (console) */
  logger: Logger;
}

/** Options of CutoverProvider: every field has a default. */
export type CutoverProviderOptions = Partial<CutoverProviderConfig>;

/** The defaults that do not depend on the environment. */
export const DEFAULT_CUTOVER_PROVIDER_CONFIG = {
  files: [],
  envPrefix: 'FF_',
  envFlags: {},
  stages: {},
  contextOverrides: true,
  contextOverrideAttribute: 'cutoverOverrides',
  watch: true,
  watchDebounceMs: 30,
  remote: undefined,
  bucketing: 'v2',
  strict: false,
} as const satisfies Partial<CutoverProviderConfig>;

// Built on the first resolution, so that importing the provider does not load zod.
const configSchema: SchemaBuilder<CutoverProviderConfig> = (z) =>
  z.object({
    files: z.array(z.string().min(1)),
    rollbackOverlay: z.union([z.string().min(1), z.literal(false)]),
    envPrefix: z.union([
      z.string().min(1, 'must not be empty: an empty prefix reads any process variable as a flag (`path` would be $PATH); declare envFlags for your own variable names, or false for none'),
      z.literal(false),
    ]),
    envFlags: envFlagsSchema(z),
    stages: stageMappingsSchema(z),
    // process.env is an exotic object that z.record rejects; any string map will do.
    env: z.custom<Record<string, string | undefined>>((value) => typeof value === 'object' && value !== null, 'an object of environment variables'),
    contextOverrides: z.boolean(),
    contextOverrideAttribute: z.string().min(1),
    watch: z.boolean(),
    watchDebounceMs: z.number().int().min(0).max(60_000),
    remote: z.custom<Layer | undefined>((value) => value === undefined || (typeof value === 'object' && value !== null && typeof (value as Layer).resolve === 'function'), 'a Layer (an object with resolve())'),
    bucketing: z.enum(['v2', 'v1']),
    strict: z.boolean(),
    logger: z.custom<Logger>((value) => typeof value === 'object' && value !== null && typeof (value as Logger).error === 'function', 'a Logger'),
  });

const SPEC = {
  component: 'CutoverProvider',
  schema: configSchema,
  defaults: { ...DEFAULT_CUTOVER_PROVIDER_CONFIG, files: [], logger: new DefaultLogger() },
  env: {
    files: { variable: 'CUTOVER_FLAG_FILES', read: envList },
    envPrefix: 'CUTOVER_ENV_PREFIX',
    bucketing: 'CUTOVER_BUCKETING',
    strict: { variable: 'CUTOVER_STRICT', read: (raw) => raw === 'true' },
    rollbackOverlay: 'CUTOVER_ROLLBACK_OVERLAY',
  },
  error: (init) => new CutoverProviderOptionError(init.option, init.reason, init),
} as const satisfies OptionsSpec<CutoverProviderConfig>;

/** Merges defaults, environment and options (in that order of precedence, lowest first) and validates the result. */
export function resolveCutoverProviderConfig(options: CutoverProviderOptions = {}): CutoverProviderConfig {
  const env = options.env ?? process.env;
  // The overlay's default sits beside the first flag file, wherever the files came from.
  const files = options.files ?? (env.CUTOVER_FLAG_FILES === undefined ? [] : (envList(env.CUTOVER_FLAG_FILES) as string[]));
  const rollbackOverlay = files[0] ? join(dirname(files[0]), ROLLBACK_OVERLAY_FILE) : false;
  return resolveOptions({ ...SPEC, defaults: { ...SPEC.defaults, rollbackOverlay, env } }, options, env);
}
