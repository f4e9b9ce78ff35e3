import type { Guard } from '@cutover/guard';
import { outcomesView } from './outcomes-view.js';
import type { OutcomesView } from './outcomes-view.js';

/** What the dashboard reads from a guard watching one migration (a `Guard` from `@cutover/guard` fits). */
export type DashboardGuard = Pick<Guard, 'latest' | 'hasTripped'>;

/** A guard's state as the API reports it. */
export interface GuardView {
  /** The latest verdict's status, or `pending` before the first one. */
  readonly status: 'healthy' | 'degraded' | 'insufficient-data' | 'pending';
  /** The verdict in one line, numbers included. */
  readonly summary: string;
  /** Criteria whose check failed. */
  readonly failed: readonly string[];
  /** True once the guard has rolled its flag back. */
  readonly tripped: boolean;
  /** The business outcomes the latest verdict judged; null without any. */
  readonly outcomes: OutcomesView | null;
}

/** The view of one guard; a guard that throws is reported, not propagated. */
export function guardView(guard: DashboardGuard): GuardView {
  try {
    const verdict = guard.latest.verdict;
    if (!verdict) return { status: 'pending', summary: 'no verdict yet', failed: [], tripped: guard.hasTripped, outcomes: null };
    return { status: verdict.status, summary: verdict.summary, failed: verdict.failed, tripped: guard.hasTripped, outcomes: outcomesView(verdict) };
  } catch (error) {
    return { status: 'pending', summary: `the guard failed to report: ${(error as Error).message}`, failed: [], tripped: false, outcomes: null };
  }
}
