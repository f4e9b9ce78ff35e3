/** Outcome of one health check; `skipped` when the component is not configured. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/** The overall answer: 200 for healthy and degraded (still serving), 503 for unhealthy. */
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

/** What a check finds, before it is timed. */
export interface CheckFinding {
  readonly status: CheckStatus;
  /** One line an operator can act on. */
  readonly message: string;
}

/** One check as `/health` reports it. */
export interface CheckResult extends CheckFinding {
  /** A failing critical check makes the whole report unhealthy; others make it degraded. */
  readonly critical: boolean;
  readonly latencyMs: number;
}

/** The body of `GET /health`. */
export interface HealthReport {
  readonly status: HealthStatus;
  readonly checks: Readonly<Record<string, CheckResult>>;
  /** The `@cutover/cli` version. */
  readonly version: string;
  /** Seconds since the server started. */
  readonly uptime: number;
  readonly checkedAt: string;
}

/** Unhealthy when a critical check fails; degraded when any other check fails or warns; healthy otherwise. */
export function overallStatus(checks: Iterable<CheckResult>): HealthStatus {
  let status: HealthStatus = 'healthy';
  for (const check of checks) {
    if (check.status === 'fail' && check.critical) return 'unhealthy';
    if (check.status === 'fail' || check.status === 'warn') status = 'degraded';
  }
  return status;
}
