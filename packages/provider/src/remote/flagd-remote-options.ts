import { DefaultLogger } from '@openfeature/server-sdk';
import type { Logger } from '@openfeature/server-sdk';
import type { FlagdProvider } from '@openfeature/flagd-provider';
import { resolveOptions } from '@cutover/core';
import type { OptionsSpec, SchemaBuilder } from '@cutover/core';
import { FLAGD_CONNECTION_ENV, FLAGD_NUMBER, flagdRemoteOptionError } from './flagd-remote-option-error.js';

/** The options of `FlagdProvider` (the package does not export their type). */
type FlagdProviderOptions = NonNullable<ConstructorParameters<typeof FlagdProvider>[0]>;

/** Options of `@openfeature/flagd-provider` passed through unchanged (see its README); unset ones follow its `FLAGD_*` variables. */
export type FlagdPassThroughOptions = Pick<
  FlagdProviderOptions,
  | 'tls'
  | 'socketPath'
  | 'certPath'
  | 'selector'
  | 'cache'
  | 'maxCacheSize'
  | 'deadlineMs'
  | 'streamDeadlineMs'
  | 'keepAliveTime'
  | 'retryBackoffMs'
  | 'retryBackoffMaxMs'
  | 'retryGracePeriod'
  | 'defaultAuthority'
  | 'fatalStatusCodes'
  | 'contextEnricher'
>;

/** Everything the flagd remote layer can be told. */
export interface FlagdRemoteConfig extends FlagdPassThroughOptions {
  /**
   * `rpc`: flagd evaluates each flag. `in-process`: flagd streams the flag
   * definitions (sync port) and Cutover's own evaluator answers here, with the
   * provider's bucketing (`FlagdSyncLayer`).
   * @default `FLAGD_RESOLVER`, else `"rpc"`
   */
  resolverType: 'rpc' | 'in-process';
  /** flagd's host. @default `FLAGD_HOST`, else `"localhost"` */
  host: string;
  /** flagd's port. @default `FLAGD_PORT`, else 8013 (rpc) or 8015 (in-process) */
  port: number;
  /**
   * Deadline of one evaluation, in ms; a later answer is dropped and the flag
   * files answer instead.
   * @default `CUTOVER_FLAGD_TIMEOUT_MS`, else 200
   */
  timeoutMs: number;
  /**
   * After a failed or late call, flagd is skipped (the files answer) for this
   * long; then one call probes it. A reconnection ends the pause at once.
   * @default 1000
   */
  retryAfterMs: number;
  /** First delay before flagd-provider reconnects a broken stream, in ms. @default `FLAGD_RETRY_BACKOFF_MS`, else 250 (flagd-provider's own: 1000) */
  retryBackoffMs?: number;
  /** Longest delay before it reconnects, in ms. @default `FLAGD_RETRY_BACKOFF_MAX_MS`, else 1000 (flagd-provider's own: 120000) */
  retryBackoffMaxMs?: number;
  /**
   * In-process only: how often flagd is asked for a sign of life on the sync
   * stream's connection, in ms; a flagd that hangs is noticed within twice
   * this (see `FlagdSyncConfig.livenessProbeMs`). 0 turns it off.
   * @default `CUTOVER_FLAGD_LIVENESS_PROBE_MS`, else 2000
   */
  livenessProbeMs?: number;
  /** The environment variables read for defaults. @default process.env */
  env: Readonly<Record<string, string | undefined>>;
  /** Where connection problems are logged. @default OpenFeature's DefaultLogger (console) */
  logger: Logger;
}

/** Options of the flagd remote layer: every field has a default. */
export type FlagdRemoteOptions = Partial<FlagdRemoteConfig>;

/** The defaults that do not depend on the environment. */
export const DEFAULT_FLAGD_REMOTE_CONFIG = {
  resolverType: 'rpc',
  host: 'localhost',
  rpcPort: 8013,
  inProcessPort: 8015,
  timeoutMs: 200,
  retryAfterMs: 1000,
  // flagd-provider waits retryBackoffMaxMs (120 s by default) before it reconnects a broken
  // stream; a flag service that is back should be used again within a second.
  retryBackoffMs: 250,
  retryBackoffMaxMs: 1000,
} as const;

const DEFAULT_LOGGER = new DefaultLogger();
// Built on the first resolution: an application without a remote layer never loads zod for it.
const configSchema: SchemaBuilder<FlagdRemoteConfig> = (z) => {
  const positiveMs = z.number().int().positive().max(3_600_000);
  return z
    .object({
      resolverType: z.enum(['rpc', 'in-process']),
      host: z.string().min(1),
      port: z.number().int().min(1).max(65_535),
      timeoutMs: positiveMs,
      retryAfterMs: positiveMs,
      env: z.custom<Record<string, string | undefined>>((value) => typeof value === 'object' && value !== null, 'an object of environment variables'),
      logger: z.custom<Logger>((value) => typeof value === 'object' && value !== null && typeof (value as Logger).warn === 'function', 'a Logger'),
      tls: z.boolean().optional(),
      socketPath: z.string().min(1).optional(),
      certPath: z.string().min(1).optional(),
      selector: z.string().optional(),
      cache: z.enum(['lru', 'disabled']).optional(),
      maxCacheSize: z.number().int().positive().optional(),
      deadlineMs: positiveMs.optional(),
      streamDeadlineMs: z.number().int().min(0).optional(),
      keepAliveTime: z.number().int().min(0).optional(),
      livenessProbeMs: z.number().int().min(0).max(3_600_000).optional(),
      retryBackoffMs: positiveMs.optional(),
      retryBackoffMaxMs: positiveMs.optional(),
      retryGracePeriod: z.number().min(0).optional(),
      defaultAuthority: z.string().min(1).optional(),
      fatalStatusCodes: z.array(z.string()).optional(),
      contextEnricher: z.custom<FlagdRemoteConfig['contextEnricher']>((value) => typeof value === 'function', 'a function').optional(),
    })
    .strict();
};


/** Merges defaults, environment and options (lowest precedence first) and validates the result. */
export function resolveFlagdRemoteConfig(options: FlagdRemoteOptions = {}): FlagdRemoteConfig {
  const env = options.env ?? process.env;
  // The default port depends on the resolver, wherever that came from.
  const resolverType = options.resolverType ?? env.FLAGD_RESOLVER ?? DEFAULT_FLAGD_REMOTE_CONFIG.resolverType;
  const { rpcPort, inProcessPort, ...defaults } = DEFAULT_FLAGD_REMOTE_CONFIG;
  const spec: OptionsSpec<FlagdRemoteConfig> = {
    component: 'flagd remote',
    schema: configSchema,
    defaults: { ...defaults, port: resolverType === 'in-process' ? inProcessPort : rpcPort, logger: DEFAULT_LOGGER, env },
    env: {
      ...FLAGD_CONNECTION_ENV,
      resolverType: 'FLAGD_RESOLVER',
      port: { variable: 'FLAGD_PORT', read: FLAGD_NUMBER },
      timeoutMs: { variable: 'CUTOVER_FLAGD_TIMEOUT_MS', read: FLAGD_NUMBER },
    },
    error: flagdRemoteOptionError,
  };
  return resolveOptions(spec, options, env);
}
