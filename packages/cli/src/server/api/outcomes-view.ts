import type { GuardVerdict } from '@cutover/guard';

/** The business outcomes a guard judged (reported through `client.track`), per path. */
export interface OutcomesView {
  /** The candidate's share of successful outcomes; null without any. */
  readonly candidateRate: number | null;
  /** Legacy's share of successful outcomes; null without any. */
  readonly legacyRate: number | null;
  /** Outcomes counted: the candidate's, and legacy's. */
  readonly candidate: number;
  readonly legacy: number;
  /** The floor the candidate's rate is held to. */
  readonly limit: number;
}

/** The outcomes behind a verdict's success-rate check; null when the window had none. */
export function outcomesView(verdict: GuardVerdict): OutcomesView | null {
  const check = verdict.checks.find((c) => c.criterion === 'success-rate');
  if (!check || check.status === 'skipped') return null;
  const legacyRate = check.details.legacyRate;
  return {
    candidateRate: check.observed,
    legacyRate: typeof legacyRate === 'number' ? legacyRate : null,
    candidate: check.sample.candidate,
    legacy: check.sample.legacy ?? 0,
    limit: check.limit,
  };
}
