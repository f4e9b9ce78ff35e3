import { guardView } from '../api/dashboard-guard.js';
import type { DashboardContext } from '../dashboard-context.js';
import type { CheckFinding } from './health-report.js';

/** The guards: each reports a verdict; one judging its migration degraded, or having rolled it back, is a warning. */
export function checkGuard(context: Pick<DashboardContext, 'guards'>): CheckFinding {
  const guards = Object.entries(context.guards);
  if (guards.length === 0) return { status: 'skipped', message: 'not configured' };
  const attention = guards
    .map(([flagKey, guard]) => ({ flagKey, view: guardView(guard) }))
    .filter(({ view }) => view.status === 'degraded' || view.tripped)
    .map(({ flagKey, view }) => `${flagKey}${view.tripped ? ' (rolled back)' : ''}: ${view.summary}`);
  if (attention.length > 0) return { status: 'warn', message: attention.join('; ') };
  return { status: 'pass', message: `${guards.length} guard(s), none degraded` };
}
