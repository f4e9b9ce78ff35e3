import type { HistogramBucket } from '@cutover/hooks';
import { rateUpperBound } from './rate-upper-bound.js';

/**
 * An anytime-valid upper confidence bound of the q-quantile of sanitized
 * cumulative buckets: the smallest bucket bound b such that "at most 1 − q of
 * the calls are above b" holds with confidence 1 − alpha at every sample size
 * at once (the rate bound of the calls above b, from the same mixture). The
 * quantile is then at most b. The count above a bound falls as the bound
 * grows, so a binary search over the bounds finds it in a few evaluations.
 * Null when no finite bound qualifies (too few calls).
 */
export function quantileUpperBound(q: number, buckets: readonly HistogramBucket[], alpha: number): number | null {
  const total = buckets.at(-1)?.count ?? 0;
  if (!(total > 0)) return null;
  const qualifies = (i: number): boolean => rateUpperBound(total - buckets[i]!.count, total, alpha) <= 1 - q;
  let low = 0;
  let high = buckets.length - 1;
  // The last bucket is +Inf; the answer is the first finite index that qualifies.
  if (high < 1 || buckets[high]!.le !== Infinity) high = buckets.length;
  if (high === 0 || !qualifies(high - 1)) return null;
  high--;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (qualifies(mid)) high = mid;
    else low = mid + 1;
  }
  return buckets[low]!.le;
}
