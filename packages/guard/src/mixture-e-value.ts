import betainc from '@stdlib/math-base-special-betainc';
import betaln from '@stdlib/math-base-special-betaln';

/**
 * Evidence that a Bernoulli rate exceeds `nullRate`, from `events` out of
 * `trials`: Robbins' mixture of likelihood ratios over a Jeffreys prior
 * Beta(½, ½) on the alternative rate, where alternatives at or below
 * `nullRate` bet nothing (contribute their prior mass as is):
 *
 *   E(q) = Π(p < q) + ∫_q^1 L(p) / L(q) dΠ(p),   L(p) = p^x (1 − p)^(n − x)
 *
 * Under any rate ≤ q it is a non-negative supermartingale starting at 1, so by
 * Ville's inequality P(E ever ≥ 1/α) ≤ α: the guard may look after every call
 * without inflating false alarms. It depends on the counts only, which is all
 * a Prometheus snapshot holds, and it is exact, not a normal approximation,
 * which matters for rare errors at low traffic. E(q) decreases in q wherever
 * it exceeds 1, so confidence bounds follow from it by bisection. Jeffreys
 * rather than uniform: more prior mass near 0 and 1 tightens bounds on rare
 * events, and half-integer parameters keep the incomplete beta on its fast path.
 *
 * Written here because no maintained npm package offers anytime-valid tests;
 * the special functions come from stdlib.
 */
export function mixtureEValue(events: number, trials: number, nullRate: number): number {
  if (!(trials > 0) || nullRate >= 1) return 1;
  const n = trials;
  const x = Math.min(Math.max(events, 0), n);
  if (nullRate <= 0) return x > 0 ? Infinity : Math.exp(betaln(0.5, n + 0.5)) / Math.PI;
  const priorBelow = (2 / Math.PI) * Math.asin(Math.sqrt(nullRate));
  // ∫_q^1 L(p) dΠ(p) = B(x + ½, n − x + ½) / B(½, ½) · upper regularized I_q(x + ½, n − x + ½), and B(½, ½) = π
  const tail = betainc(nullRate, x + 0.5, n - x + 0.5, true, true);
  if (!(tail > 0)) return priorBelow;
  const logRatio =
    betaln(x + 0.5, n - x + 0.5) - Math.log(Math.PI) + Math.log(tail) - x * Math.log(nullRate) - (n - x) * Math.log1p(-nullRate);
  return priorBelow + Math.exp(logRatio);
}
