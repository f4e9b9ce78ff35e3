import { mixtureEValue } from './mixture-e-value.js';

// Bisection stops at this width: far below any rate difference the guard acts on.
const TOLERANCE = 1e-7;

/**
 * Anytime-valid upper confidence bound of a Bernoulli rate from `events` out
 * of `trials`: with probability at least 1 − alpha it holds at every sample
 * size at once. It is one minus the lower bound of the complementary rate,
 * `sup { q : E(q) ≥ 1/alpha }` for the non-events, found by bisection (the
 * mixture e-value decreases in q below the observed rate). Rounded up, so the
 * bound errs on the safe side.
 */
export function rateUpperBound(events: number, trials: number, alpha: number): number {
  if (!(trials > 0)) return 1;
  const n = trials;
  const others = n - Math.min(Math.max(events, 0), n);
  if (others <= 0) return 1;
  const boundary = 1 / alpha;
  // E(0) is infinite when there are non-events and E(observed rate) ≤ 1, so the bound lies between.
  let low = 0;
  let high = others / n;
  while (high - low > TOLERANCE) {
    const mid = (low + high) / 2;
    if (mixtureEValue(others, n, mid) >= boundary) low = mid;
    else high = mid;
  }
  return Math.min(1, 1 - low);
}
