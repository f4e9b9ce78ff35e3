import { checkCriterion } from './check-criterion.js';
import { exposedConfig } from './exposed-min-sample.js';
import { DEFAULT_GUARD_CONFIG } from './guard-config.js';
import type { GuardConfig } from './guard-config.js';
import type { GuardSnapshot } from './guard-snapshot.js';
import { GUARD_CRITERION_NAMES } from './guard-verdict.js';
import type { GuardStatus, GuardVerdict } from './guard-verdict.js';

/**
 * Judges one migration's window: one check per criterion, each a sequential
 * test that stays valid when the guard is evaluated again and again as counts
 * grow; the minimum sample shrinks as the candidate answers more of the
 * callers (see `exposedMinSample`). `degraded` as soon as any check fails, even if others still lack data,
 * because one confident failure is reason enough to roll back; `healthy` only
 * when every applied check with input passed on enough data. A check that
 * does not apply at the stages served (latency in shadow) is reported in the
 * verdict but neither degrades it nor holds it. Pure: same snapshot and
 * config, same verdict.
 *
 * @param config a resolved config, see `resolveGuardConfig`
 */
export function evaluateGuard(snapshot: GuardSnapshot, config: GuardConfig = DEFAULT_GUARD_CONFIG): GuardVerdict {
  const judged = exposedConfig(config, snapshot.exposure);
  const checks = GUARD_CRITERION_NAMES.map((criterion) => checkCriterion(criterion, snapshot, judged));
  const failing = checks.filter((check) => check.status === 'fail' && check.applied !== false);
  const reporting = checks.filter((check) => check.status === 'fail' && check.applied === false);
  const status: GuardStatus =
    failing.length > 0
      ? 'degraded'
      : checks.some((check) => check.status === 'insufficient-data' && check.applied !== false)
        ? 'insufficient-data'
        : 'healthy';
  return {
    status,
    failed: failing.map((check) => check.criterion),
    reported: reporting.map((check) => check.criterion),
    checks,
    significance: config.significance,
    windowSeconds: snapshot.windowSeconds,
    // A getter for the same reason as the checks' summaries: formatting only when read.
    get summary(): string {
      const failed = failing.length > 0 ? `: ${failing.map((check) => check.summary).join(' | ')}` : '';
      const reported = reporting.length > 0 ? `; reported, not rolled back: ${reporting.map((check) => check.summary).join(' | ')}` : '';
      return `${status}${failed}${reported}`;
    },
  };
}
