import { mixtureEValue } from './mixture-e-value.js';

// The search stops at this width: far below any rate difference the guard acts on.
const TOLERANCE = 1e-6;
const MAX_STEPS = 60;

/**
 * Anytime-valid upper confidence bound of a Bernoulli rate from `events` out
 * of `trials`: with probability at least 1 − alpha it holds at every sample
 * size at once. It is one minus the lower bound of the complementary rate,
 * `sup { q : E(q) ≥ 1/alpha }` for the non-events; E decreases in q below the
 * observed rate, so the root of ln E(q) − ln(1/alpha) is bracketed and found
 * by regula falsi (Illinois variant), which needs a handful of evaluations
 * where bisection needs twenty. The search keeps the rejected end, so the
 * bound errs on the safe side.
 */
export function rateUpperBound(events: number, trials: number, alpha: number): number {
  if (!(trials > 0)) return 1;
  const n = trials;
  const others = n - Math.min(Math.max(events, 0), n);
  if (others <= 0) return 1;
  const logBoundary = Math.log(1 / alpha);
  const excess = (q: number): number => Math.log(mixtureEValue(others, n, q)) - logBoundary;
  const observed = others / n;
  // E(observed) ≤ 1 and E(0) is infinite: bracket the root within a few
  // standard errors below the observed rate, widening until E rejects.
  let high = observed;
  let atHigh = excess(high);
  let width = 4 * Math.sqrt((observed * (1 - observed) + 1 / n) / n);
  let low = Math.max(0, observed - width);
  let atLow = excess(low);
  while (atLow < 0 && low > 0) {
    [high, atHigh] = [low, atLow];
    width *= 2;
    low = Math.max(0, observed - width);
    atLow = excess(low);
  }
  let kept = 0;
  for (let step = 0; step < MAX_STEPS && high - low > TOLERANCE; step++) {
    const secant = Number.isFinite(atLow) ? low + ((high - low) * atLow) / (atLow - atHigh) : Number.NaN;
    const mid = secant > low && secant < high ? secant : (low + high) / 2;
    const atMid = excess(mid);
    if (atMid >= 0) {
      [low, atLow] = [mid, atMid];
      // Illinois: when the same end survives twice, halve its weight so the other end moves too.
      if (kept === 1) atHigh /= 2;
      kept = 1;
    } else {
      [high, atHigh] = [mid, atMid];
      if (kept === -1) atLow /= 2;
      kept = -1;
    }
  }
  return Math.min(1, 1 - low);
}
