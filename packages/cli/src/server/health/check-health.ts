import type { DashboardContext } from '../dashboard-context.js';
import { checkComparisonStore } from './check-comparison-store.js';
import { checkDependencies } from './check-dependencies.js';
import { checkFlagFiles } from './check-flag-files.js';
import { checkGuard } from './check-guard.js';
import { checkMigrationFlags } from './check-migration-flags.js';
import type { CheckFinding, HealthReport } from './health-report.js';
import { overallStatus } from './health-report.js';
import { timedCheck } from './timed-check.js';

/** How long one check may take before it counts as failed. */
export const CHECK_TIMEOUT_MS = 2000;

/**
 * Runs every check concurrently, so one slow check cannot hide the others. Only the flag
 * files are critical: without them nothing can be served. A broken store or
 * guard degrades the migration tooling, not the service. The application's
 * own dependency checks run beside them, under their own names.
 */
export async function checkHealth(context: DashboardContext, now = Date.now()): Promise<HealthReport> {
  const timeoutMs = CHECK_TIMEOUT_MS;
  const [dependencies, flagFiles, flagd, comparisonStore, guard, migrationFlags] = await Promise.all([
    checkDependencies(context.checks, timeoutMs),
    timedCheck(() => checkFlagFiles(context), { critical: true, timeoutMs }),
    timedCheck(() => checkFlagd(context), { critical: false, timeoutMs }),
    timedCheck(() => checkComparisonStore(context), { critical: false, timeoutMs }),
    timedCheck(() => checkGuard(context), { critical: false, timeoutMs }),
    timedCheck(() => checkMigrationFlags(context), { critical: false, timeoutMs }),
  ]);
  // Cutover's own checks keep their names even if a dependency check took one.
  const checks = { ...dependencies, flagFiles, flagd, comparisonStore, guard, migrationFlags };
  return {
    status: overallStatus(Object.values(checks)),
    checks,
    version: context.version,
    uptime: Math.max(0, Math.round((now - context.startedAt) / 1000)),
    checkedAt: new Date(now).toISOString(),
  };
}

// An unreachable flagd degrades, never breaks: the flag files answer in its place.
function checkFlagd(context: Pick<DashboardContext, 'provider'>): CheckFinding {
  const remote = context.provider?.config.remote;
  if (!remote) return { status: 'skipped', message: 'not configured' };
  if (remote.available === false) return { status: 'warn', message: 'unreachable: the flag files answer (STALE)' };
  return { status: 'pass', message: 'connected' };
}
