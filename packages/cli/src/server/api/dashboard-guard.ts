import type { GuardVerdict } from '@cutover/hooks';

/**
 * What the dashboard needs from a guard watching one migration: its flag and
 * its latest verdict. Structural, so the guard runtime (or a test) fits as is.
 */
export interface DashboardGuard {
  /** The migration's flag key. */
  readonly flagKey: string;
  /** The latest verdict, or undefined before the first evaluation. */
  lastVerdict(): GuardVerdict | undefined;
}

/** A guard's state as the API reports it. */
export interface GuardView {
  readonly status: GuardVerdict['status'] | 'pending';
  readonly summary: string;
  readonly failed: readonly string[];
}

/** The view of one guard; a guard that throws is reported, not propagated. */
export function guardView(guard: DashboardGuard): GuardView {
  try {
    const verdict = guard.lastVerdict();
    if (!verdict) return { status: 'pending', summary: 'no verdict yet', failed: [] };
    return { status: verdict.status, summary: verdict.summary, failed: verdict.failed };
  } catch (error) {
    return { status: 'pending', summary: `guard failed to report: ${(error as Error).message}`, failed: [] };
  }
}
