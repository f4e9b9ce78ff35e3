import { InvalidOptionError } from '@cutover/core';
import type { DependencyCheck } from './dependency-check.js';

/** The names of Cutover's own checks in `/health`: a dependency check must choose another. */
export const CUTOVER_CHECK_NAMES: ReadonlySet<string> = new Set(['flagFiles', 'flagd', 'comparisonStore', 'guard', 'migrationFlags']);

/** Throws `InvalidOptionError` naming the first check that has no usable name, no function or a bad timeout. */
export function validateDependencyChecks(checks: readonly DependencyCheck[]): void {
  const seen = new Set<string>();
  checks.forEach((c, i) => {
    const reason = problemOf(c, seen);
    if (reason) throw new InvalidOptionError({ component: 'Dashboard', option: `checks[${i}]`, reason });
    seen.add(c.name);
  });
}

function problemOf(c: DependencyCheck, seen: ReadonlySet<string>): string | undefined {
  if (typeof c?.name !== 'string' || c.name.trim() === '') return 'a check needs a name';
  if (CUTOVER_CHECK_NAMES.has(c.name)) return `"${c.name}" is one of Cutover's own checks: choose another name`;
  if (seen.has(c.name)) return `"${c.name}" is the name of another check`;
  if (typeof c.check !== 'function') return `"${c.name}" has no check function`;
  if (c.timeoutMs !== undefined && !(Number.isFinite(c.timeoutMs) && c.timeoutMs > 0)) return `"${c.name}": timeoutMs must be a positive number`;
  return undefined;
}
