import type { CheckFinding, CheckResult } from './health-report.js';
import type { DependencyCheck, DependencyFinding } from './dependency-check.js';
import { timedCheck } from './timed-check.js';

/** Runs the application's dependency checks concurrently, each under its own timeout; results by check name. */
export async function checkDependencies(checks: readonly DependencyCheck[], defaultTimeoutMs: number): Promise<Record<string, CheckResult>> {
  const results = await Promise.all(
    checks.map((c) => timedCheck(async (signal) => findingOf(await c.check(signal)), { critical: c.critical ?? false, timeoutMs: c.timeoutMs ?? defaultTimeoutMs })),
  );
  return Object.fromEntries(checks.map((c, i) => [c.name, results[i]!]));
}

function findingOf(answer: void | DependencyFinding): CheckFinding {
  const status = answer?.status ?? 'pass';
  return { status, message: answer?.message ?? (status === 'pass' ? 'ok' : status) };
}
