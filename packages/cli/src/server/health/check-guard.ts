import type { DashboardContext } from '../dashboard-context.js';
import type { CheckFinding } from './health-report.js';

/** The guards: each reports a verdict; one judging its migration degraded is a warning (its rollback is due or done). */
export function checkGuard(context: Pick<DashboardContext, 'guards'>): CheckFinding {
  if (context.guards.length === 0) return { status: 'skipped', message: 'not configured' };
  const degraded: string[] = [];
  for (const guard of context.guards) {
    const verdict = guard.lastVerdict();
    if (verdict?.status === 'degraded') degraded.push(`${guard.flagKey}: ${verdict.summary}`);
  }
  if (degraded.length > 0) return { status: 'warn', message: `degraded: ${degraded.join('; ')}` };
  return { status: 'pass', message: `${context.guards.length} guard(s) reporting` };
}
