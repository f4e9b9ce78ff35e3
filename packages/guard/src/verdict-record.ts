import type { GuardVerdict } from './guard-verdict.js';

/**
 * A verdict as plain data for the audit log: every check with its summary,
 * numbers and test, the summaries (lazy getters) turned into strings.
 */
export function verdictRecord(verdict: GuardVerdict): Record<string, unknown> {
  return {
    status: verdict.status,
    summary: verdict.summary,
    failed: verdict.failed,
    reported: verdict.reported ?? [],
    windowSeconds: verdict.windowSeconds,
    significance: verdict.significance,
    checks: verdict.checks.map((check) => ({ ...check, summary: check.summary })),
  };
}
