import type { Split, SplitBucket, TargetingPath } from './find-splits.js';

/** The arguments of a `fractional` operation with these buckets, after the bucketing expression if there is one. */
export function fractionalArgs(buckets: readonly SplitBucket[], bucketBy?: unknown): unknown[] {
  const entries = buckets.map((bucket) => [bucket.variant, bucket.weight]);
  return bucketBy === undefined ? entries : [bucketBy, ...entries];
}

/** Options of {@link writeSplit}. */
export interface WriteSplitOptions {
  /** The bucketing expression to write (e.g. `cohortBucketing(name)`). @default the split's own, none for a new split */
  readonly bucketBy?: unknown;
}

/**
 * The targeting with a split's buckets replaced: its bucketing expression and
 * the rules around it stay unless `bucketBy` replaces the expression. Without
 * a split (a flag with no targeting), the split becomes the whole targeting.
 * The targeting given is not changed.
 */
export function writeSplit(targeting: unknown, split: Split | undefined, buckets: readonly SplitBucket[], options: WriteSplitOptions = {}): unknown {
  const bucketBy = options.bucketBy ?? split?.bucketBy;
  if (!split) return { fractional: fractionalArgs(buckets, bucketBy) };
  return replaceAt(targeting, split.path, fractionalArgs(buckets, bucketBy));
}

function replaceAt(node: unknown, path: TargetingPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(node)) return node.map((item, i) => (i === head ? replaceAt(item, rest, value) : item));
  const record = node as Record<string, unknown>;
  return { ...record, [head!]: replaceAt(record[head!], rest, value) };
}
