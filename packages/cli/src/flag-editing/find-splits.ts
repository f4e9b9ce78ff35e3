import type { JSONPath } from 'jsonc-parser';

/** One bucket of a `fractional` split: a variant and its weight. */
export interface SplitBucket {
  readonly variant: string;
  readonly weight: number;
}

/** A `fractional` operation inside a flag's targeting. */
export interface Split {
  /** Path of the `fractional` array, relative to the targeting. */
  readonly path: JSONPath;
  /** The bucketing expression when the split names one (`{ "cat": [...] }`), else undefined (targeting key). */
  readonly bucketBy?: unknown;
  readonly buckets: readonly SplitBucket[];
  /** Whether the split is the whole targeting (not nested in a rule). */
  readonly topLevel: boolean;
}

/** Every `fractional` split in a targeting rule, depth first; `$ref`s are not followed. */
export function findSplits(targeting: unknown, path: JSONPath = []): Split[] {
  if (Array.isArray(targeting)) return targeting.flatMap((item, i) => findSplits(item, [...path, i]));
  if (targeting === null || typeof targeting !== 'object') return [];
  return Object.entries(targeting as Record<string, unknown>).flatMap(([operator, args]) => {
    if (operator !== 'fractional' || !Array.isArray(args)) return findSplits(args, [...path, operator]);
    const at = [...path, 'fractional'];
    const keyed = args.length > 0 && !Array.isArray(args[0]);
    const buckets = (keyed ? args.slice(1) : args).filter(Array.isArray).map((entry: unknown[]) => ({
      variant: String(entry[0]),
      weight: entry.length > 1 ? Number(entry[1]) : 1,
    }));
    return [{ path: at, buckets, topLevel: path.length === 0, ...(keyed ? { bucketBy: args[0] } : {}) }];
  });
}

/** The buckets in words with their shares: `live 10 % / shadow 90 %`. */
export function describeSplit(split: Pick<Split, 'buckets'>): string {
  const total = split.buckets.reduce((sum, bucket) => sum + bucket.weight, 0);
  return split.buckets.map((bucket) => `${bucket.variant} ${total > 0 ? round((bucket.weight / total) * 100) : 0} %`).join(' / ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
