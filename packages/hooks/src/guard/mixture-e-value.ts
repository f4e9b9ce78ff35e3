import betainc from '@stdlib/math-base-special-betainc';
import betaln from '@stdlib/math-base-special-betaln';

/**
 * Evidence that a Bernoulli rate exceeds `nullRate`, from `events` out of
 * `trials`: Robbins' mixture of likelihood ratios with a uniform prior over
 * the alternative rates, where alternatives at or below `nullRate` bet nothing:
 *
 *   E(q) = q + ∫_q^1 L(p) / L(q) dp,   L(p) = p^x (1 − p)^(n − x)
 *
 * Under any rate ≤ q it is a non-negative supermartingale starting at 1, so by
 * Ville's inequality P(E ever ≥ 1/α) ≤ α: the guard may look after every call
 * without inflating false alarms. It depends on the counts only, which is all
 * a Prometheus snapshot holds, and it is exact, not a normal approximation,
 * which matters for rare errors at low traffic. E(q) decreases in q wherever
 * it exceeds 1, so confidence bounds follow from it by bisection.
 *
 * Written here because no maintained npm package offers anytime-valid tests;
 * the special functions come from stdlib.
 */
export function mixtureEValue(events: number, trials: number, nullRate: number): number {
  if (!(trials > 0) || nullRate >= 1) return 1;
  const n = trials;
  const x = Math.min(Math.max(events, 0), n);
  if (nullRate <= 0) return x > 0 ? Infinity : 1 / (n + 1);
  // ∫_q^1 p^x (1 − p)^(n − x) dp = B(x + 1, n − x + 1) · upper regularized I_q(x + 1, n − x + 1)
  const tail = betainc(nullRate, x + 1, n - x + 1, true, true);
  if (!(tail > 0)) return nullRate;
  const logRatio = betaln(x + 1, n - x + 1) + Math.log(tail) - x * Math.log(nullRate) - (n - x) * Math.log1p(-nullRate);
  return nullRate + Math.exp(logRatio);
}
