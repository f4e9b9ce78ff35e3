import { z } from 'zod';
import { parseOptions } from '../parse-options.js';

/** The tunable behaviour of a {@link FileComparisonStore}. */
export interface FileComparisonStoreConfig {
  /** Records waiting for the disk, in bytes of JSON; beyond it records are dropped and counted, so a stuck disk cannot eat memory. @default 16777216 */
  maxQueuedBytes: number;
  /** Largest line accepted; a larger record is dropped and counted (it would stall every summary). @default 1048576 */
  maxRecordBytes: number;
  /**
   * How long a record waits for others before their batch is written, in ms: one
   * write per batch keeps a record's cost low, and a crash loses at most the
   * batch being gathered. `flush()` and `close()` write at once. @default 5
   */
  flushIntervalMs: number;
}

/** Options of a {@link FileComparisonStore}. */
export type FileComparisonStoreOptions = Partial<FileComparisonStoreConfig>;

/** The defaults of {@link FileComparisonStoreConfig}. */
export const DEFAULT_FILE_COMPARISON_STORE_CONFIG: Readonly<FileComparisonStoreConfig> = Object.freeze({
  maxQueuedBytes: 16 * 1024 * 1024,
  maxRecordBytes: 1024 * 1024,
  flushIntervalMs: 5,
});

const schema = z.strictObject({
  maxQueuedBytes: z.number().int().positive(),
  maxRecordBytes: z.number().int().min(256),
  flushIntervalMs: z.number().min(0).max(60_000),
});

/** Merges the defaults with `options`, validates, and throws `InvalidOptionError` naming the bad option. */
export function resolveFileComparisonStoreConfig(options: FileComparisonStoreOptions = {}): FileComparisonStoreConfig {
  return parseOptions(schema, DEFAULT_FILE_COMPARISON_STORE_CONFIG, options, 'comparison store');
}
