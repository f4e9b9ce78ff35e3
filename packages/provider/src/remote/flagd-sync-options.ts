import { DefaultLogger } from '@openfeature/server-sdk';
import type { Logger } from '@openfeature/server-sdk';
import { resolveOptions } from '@cutover/core';
import type { OptionsSpec, SchemaBuilder } from '@cutover/core';
import { FLAGD_CONNECTION_ENV, FLAGD_NUMBER, FLAGD_TEXT, flagdRemoteOptionError } from './flagd-remote-option-error.js';

/** Everything the flagd sync layer can be told. */
export interface FlagdSyncConfig {
  /** flagd's host. @default `FLAGD_HOST`, else `"localhost"` */
  host: string;
  /** flagd's sync port (`--sync-port`). @default `FLAGD_SYNC_PORT`, else `FLAGD_PORT`, else 8015 */
  port: number;
  /** A Unix socket instead of host and port. @default `FLAGD_SOCKET_PATH`, else none */
  socketPath?: string;
  /** Connect with TLS. @default `FLAGD_TLS === "true"`, else false */
  tls: boolean;
  /** PEM file of the CA that signed flagd's certificate (with `tls`). @default `FLAGD_SERVER_CERT_PATH`, else the system's CAs */
  certPath?: string;
  /** Streams one source only (flagd's `selector`, e.g. a file's URI). @default `FLAGD_SOURCE_SELECTOR`, else every source, merged */
  selector?: string;
  /** Names this application in flagd's logs. @default `"cutover"` */
  providerId: string;
  /** How long `initialize` waits for the first configuration, in ms; the files answer until it arrives. @default 500 */
  deadlineMs: number;
  /**
   * gRPC keepalive interval, in ms; 0 turns it off. flagd 0.11 closes a
   * connection that pings more often than every 5 minutes: a hung flagd is
   * noticed by `livenessProbeMs` instead.
   * @default 0
   */
  keepAliveTime: number;
  /**
   * How often flagd is asked for a sign of life on the stream's connection, in
   * ms; a probe unanswered for as long again counts as a lost stream (STALE,
   * answers marked stale, reconnection), so a flagd that hangs is noticed
   * within twice this. 0 turns it off.
   * @default `CUTOVER_FLAGD_LIVENESS_PROBE_MS`, else 2000
   */
  livenessProbeMs: number;
  /** First delay before a broken stream is reopened, in ms; doubles on each failure. @default `FLAGD_RETRY_BACKOFF_MS`, else 250 */
  retryBackoffMs: number;
  /** Longest delay before the stream is reopened, in ms. @default `FLAGD_RETRY_BACKOFF_MAX_MS`, else 1000 */
  retryBackoffMaxMs: number;
  /** Seconds a dropped stream may stay down before STALE becomes ERROR. @default `FLAGD_RETRY_GRACE_PERIOD`, else 5 */
  retryGracePeriod: number;
  /** The environment variables read for defaults. @default process.env */
  env: Readonly<Record<string, string | undefined>>;
  /** Where connection problems and rejected configurations are logged. @default OpenFeature's DefaultLogger (console) */
  logger: Logger;
}

/** Options of the flagd sync layer: every field has a default. */
export type FlagdSyncOptions = Partial<FlagdSyncConfig>;

/** The defaults that do not depend on the environment. */
export const DEFAULT_FLAGD_SYNC_CONFIG = {
  host: 'localhost',
  port: 8015,
  tls: false,
  providerId: 'cutover',
  deadlineMs: 500,
  keepAliveTime: 0,
  livenessProbeMs: 2000,
  retryBackoffMs: 250,
  retryBackoffMaxMs: 1000,
  retryGracePeriod: 5,
} as const;

const DEFAULT_LOGGER = new DefaultLogger();
// Built on the first resolution: an application without a sync layer never loads zod for it.
const configSchema: SchemaBuilder<FlagdSyncConfig> = (z) => {
  const ms = z.number().int().positive().max(3_600_000);
  return z
    .object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65_535),
      socketPath: z.string().min(1).optional(),
      tls: z.boolean(),
      certPath: z.string().min(1).optional(),
      selector: z.string().optional(),
      providerId: z.string().min(1),
      deadlineMs: ms,
      keepAliveTime: z.number().int().min(0),
      livenessProbeMs: z.number().int().min(0).max(3_600_000),
      retryBackoffMs: ms,
      retryBackoffMaxMs: ms,
      retryGracePeriod: z.number().min(0).max(86_400),
      env: z.custom<Record<string, string | undefined>>((value) => typeof value === 'object' && value !== null, 'an object of environment variables'),
      logger: z.custom<Logger>((value) => typeof value === 'object' && value !== null && typeof (value as Logger).warn === 'function', 'a Logger'),
    })
    .strict()
    .refine((config) => config.retryBackoffMaxMs >= config.retryBackoffMs, { path: ['retryBackoffMaxMs'], message: 'must not be below retryBackoffMs' });
};

/** Merges defaults, environment and options (lowest precedence first) and validates the result; throws a FlagdRemoteOptionError naming the bad option. */
export function resolveFlagdSyncConfig(options: FlagdSyncOptions = {}): FlagdSyncConfig {
  const env = options.env ?? process.env;
  // The sync port falls back to flagd's general port variable.
  const portVariable = env.FLAGD_SYNC_PORT?.trim() ? 'FLAGD_SYNC_PORT' : 'FLAGD_PORT';
  const spec: OptionsSpec<FlagdSyncConfig> = {
    component: 'flagd remote',
    schema: configSchema,
    defaults: { ...DEFAULT_FLAGD_SYNC_CONFIG, logger: DEFAULT_LOGGER, env },
    env: {
      ...FLAGD_CONNECTION_ENV,
      port: { variable: portVariable, read: FLAGD_NUMBER },
      tls: { variable: 'FLAGD_TLS', read: (raw) => raw === 'true' },
      socketPath: { variable: 'FLAGD_SOCKET_PATH', read: FLAGD_TEXT },
      certPath: { variable: 'FLAGD_SERVER_CERT_PATH', read: FLAGD_TEXT },
      selector: { variable: 'FLAGD_SOURCE_SELECTOR', read: FLAGD_TEXT },
      retryGracePeriod: { variable: 'FLAGD_RETRY_GRACE_PERIOD', read: FLAGD_NUMBER },
      livenessProbeMs: { variable: 'CUTOVER_FLAGD_LIVENESS_PROBE_MS', read: FLAGD_NUMBER },
    },
    error: flagdRemoteOptionError,
  };
  return resolveOptions(spec, options, env);
}
