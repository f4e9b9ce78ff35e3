import { bucketFor } from '../hashing/bucket.js';
import { evaluationScratch } from './evaluation-scratch.js';

/** Largest total weight flagd accepts (Go's MaxInt32). */
const MAX_TOTAL_WEIGHT = 2147483647;

interface Bucket {
  readonly variant: string | number | boolean | null;
  readonly weight: number;
}

/**
 * flagd's `fractional` operator. `args[0]` is the flag key, injected when the
 * rule is compiled (see compile-targeting.ts); the rest are the rule's evaluated
 * arguments: an optional bucketing string, then `[variant, weight?]` entries.
 * Follows the flagd server: a null first argument (a missing custom property)
 * falls back to the targeting key; without either, the result is null and the
 * flag serves its default variant.
 */
export function fractional(args: unknown, context: Record<string, unknown>): string | number | boolean | null {
  if (!Array.isArray(args) || args.length < 2) return null;
  const flagKey = args[0] as string;
  let entries: unknown[] = args.slice(1);
  let bucketBy: string;
  if (typeof entries[0] === 'string') {
    bucketBy = entries[0];
    entries = entries.slice(1);
  } else {
    if (entries[0] === null || entries[0] === undefined) entries = entries.slice(1);
    const targetingKey = context?.targetingKey;
    if (typeof targetingKey !== 'string') {
      evaluationScratch.targetingKeyMissing = true;
      return null;
    }
    bucketBy = flagKey + targetingKey;
  }
  const buckets = toBuckets(entries);
  if (!buckets) return null;
  let total = 0;
  for (const b of buckets) total += b.weight;
  if (total === 0 || total > MAX_TOTAL_WEIGHT) return null;
  const bucket = bucketFor(bucketBy, total);
  let running = 0;
  for (const b of buckets) {
    running += b.weight;
    if (running > bucket) {
      evaluationScratch.split = true;
      return b.variant;
    }
  }
  return null;
}

function toBuckets(entries: unknown[]): Bucket[] | undefined {
  const buckets: Bucket[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length === 0 || entry.length > 2) return undefined;
    const [variant, weight] = entry as [unknown, unknown];
    if (variant !== null && variant !== undefined && !['string', 'number', 'boolean'].includes(typeof variant)) return undefined;
    if (entry.length === 2 && (typeof weight !== 'number' || !Number.isInteger(weight))) return undefined;
    buckets.push({
      variant: (variant ?? null) as Bucket['variant'],
      weight: entry.length === 2 ? Math.max(0, weight as number) : 1,
    });
  }
  return buckets;
}
