import { z } from 'zod';
import { InvalidOptionError } from '../migration-error.js';

/** The tunable behaviour of a {@link FileComparisonStore}. */
export interface FileComparisonStoreConfig {
  /** Records waiting for the disk, in bytes of JSON; beyond it records are dropped and counted, so a stuck disk cannot eat memory. @default 16777216 */
  maxQueuedBytes: number;
  /** Largest line accepted; a larger record is dropped and counted (it would stall every summary). @default 1048576 */
  maxRecordBytes: number;
}

/** Options of a {@link FileComparisonStore}. */
export type FileComparisonStoreOptions = Partial<FileComparisonStoreConfig>;

/** The defaults of {@link FileComparisonStoreConfig}. */
export const DEFAULT_FILE_COMPARISON_STORE_CONFIG: Readonly<FileComparisonStoreConfig> = Object.freeze({
  maxQueuedBytes: 16 * 1024 * 1024,
  maxRecordBytes: 1024 * 1024,
});

const schema = z.strictObject({
  maxQueuedBytes: z.number().int().positive(),
  maxRecordBytes: z.number().int().min(256),
});

/** Merges the defaults with `options`, validates, and throws {@link InvalidOptionError} naming the bad option. */
export function resolveFileComparisonStoreConfig(options: FileComparisonStoreOptions = {}): FileComparisonStoreConfig {
  const merged = { ...DEFAULT_FILE_COMPARISON_STORE_CONFIG, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const parsed = schema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? (issue && 'keys' in issue ? issue.keys[0] : 'options'));
  throw new InvalidOptionError(`invalid comparison store option "${key}": ${issue?.message ?? 'invalid'}`, { cause: parsed.error });
}
