import { parseOptions } from '@cutover/migrate';
import { z } from 'zod';

/** The tunable behaviour of a {@link PostgresComparisonStore}. */
export interface PostgresComparisonStoreConfig {
  /** The PostgreSQL schema of the store's tables; created by the store's migrations. @default 'cutover' */
  schema: string;
  /** Records written in one INSERT. @default 500 */
  batchSize: number;
  /** How long a record may wait for its batch to fill before the batch is written anyway, in ms. @default 50 */
  flushIntervalMs: number;
  /** Records waiting for PostgreSQL, at most; beyond it records spill to disk (or are dropped and counted without a spill directory). @default 10000 */
  maxQueuedRecords: number;
  /** Days of records kept: older UTC days are deleted hourly; 0 keeps everything. @default 30 */
  retentionDays: number;
  /** How often to try PostgreSQL again while it is unavailable (then spilled records are replayed), in ms. @default 1000 */
  retryIntervalMs: number;
  /** How long one query may take before PostgreSQL counts as unavailable, in ms. @default 5000 */
  queryTimeoutMs: number;
  /** Connections of the store's pool. @default 4 */
  poolSize: number;
}

/** Options of a {@link PostgresComparisonStore}: any subset of {@link PostgresComparisonStoreConfig}. */
export type PostgresComparisonStoreOptions = Partial<PostgresComparisonStoreConfig>;

/** The defaults of {@link PostgresComparisonStoreConfig}. */
export const DEFAULT_POSTGRES_COMPARISON_STORE_CONFIG: Readonly<PostgresComparisonStoreConfig> = Object.freeze({
  schema: 'cutover',
  batchSize: 500,
  flushIntervalMs: 50,
  maxQueuedRecords: 10_000,
  retentionDays: 30,
  retryIntervalMs: 1000,
  queryTimeoutMs: 5000,
  poolSize: 4,
});

const positiveInt = z.number().int().positive();
const schema = z.strictObject({
  // Interpolated into SQL as an identifier: plain lower-case names only.
  schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier'),
  batchSize: positiveInt,
  flushIntervalMs: z.number().positive(),
  maxQueuedRecords: positiveInt,
  retentionDays: z.number().int().min(0),
  retryIntervalMs: z.number().positive(),
  queryTimeoutMs: z.number().positive(),
  poolSize: positiveInt,
});

/** Merges the defaults with `options`, validates, and throws `InvalidOptionError` naming the bad option. */
export function resolvePostgresComparisonStoreConfig(options: PostgresComparisonStoreOptions = {}): PostgresComparisonStoreConfig {
  return parseOptions(schema, DEFAULT_POSTGRES_COMPARISON_STORE_CONFIG, options, 'PostgreSQL comparison store');
}
