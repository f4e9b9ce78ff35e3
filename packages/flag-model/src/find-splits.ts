/** Where a value sits inside a flag's targeting: object keys and array indexes from the targeting down. */
export type TargetingPath = readonly (string | number)[];

/** One bucket of a `fractional` split: a variant and its weight. */
export interface SplitBucket {
  /** The variant's name; empty when a rule computes it (see `variantRule`). */
  readonly variant: string;
  /** The weight; `NaN` when a rule computes it (flagd 0.15 and later). */
  readonly weight: number;
  /** The JSON Logic rule (or null) that computes the variant, when the bucket does not name it literally. */
  readonly variantRule?: unknown;
}

/** The arguments of one `fractional` operation, read. */
export interface SplitArguments {
  /** The bucketing expression when the split names one (`{ "cat": [...] }`), else undefined (flag key and targeting key). */
  readonly bucketBy?: unknown;
  readonly buckets: readonly SplitBucket[];
}

/** A `fractional` operation inside a flag's targeting. */
export interface Split extends SplitArguments {
  /** Path of the `fractional` array, relative to the targeting. */
  readonly path: TargetingPath;
  /** Whether the split is the whole targeting (not nested in a rule). */
  readonly topLevel: boolean;
}

/**
 * Reads the arguments of a `fractional` operation: an optional bucketing
 * expression first, then `[variant, weight]` buckets; a bucket without a
 * weight weighs 1, as in flagd.
 */
export function readSplit(args: readonly unknown[]): SplitArguments {
  const keyed = args.length > 0 && !Array.isArray(args[0]);
  const buckets = (keyed ? args.slice(1) : args).filter(Array.isArray).map((entry: unknown[]): SplitBucket => {
    const weight = entry.length > 1 ? weightOf(entry[1]) : 1;
    const named = entry[0];
    // null names no variant (flagd serves the default): it reads as a rule that returns nothing.
    return typeof named === 'object' ? { variant: '', weight, variantRule: named } : { variant: String(named), weight };
  });
  return keyed ? { bucketBy: args[0], buckets } : { buckets };
}

/**
 * A bucket's weight as written: a rule (any object) computes it, so it is not
 * known here; `Number` of an object could even throw (`{"toString": {}}`).
 */
function weightOf(value: unknown): number {
  return typeof value === 'object' && value !== null ? NaN : Number(value);
}

/** Every `fractional` split in a targeting rule, depth first; `$ref`s are not followed. */
export function findSplits(targeting: unknown): Split[] {
  return splitsAt(targeting, []);
}

/** The position of bucket `index` among the arguments of its `fractional` (after the bucketing expression, if any). */
export function bucketIndex(split: SplitArguments, index: number): number {
  return index + (split.bucketBy === undefined ? 0 : 1);
}

function splitsAt(node: unknown, path: TargetingPath): Split[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => splitsAt(item, [...path, i]));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([operator, args]) => {
    if (operator !== 'fractional' || !Array.isArray(args)) return splitsAt(args, [...path, operator]);
    return [{ path: [...path, operator], topLevel: path.length === 0, ...readSplit(args) }];
  });
}
