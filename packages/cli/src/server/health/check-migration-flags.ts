import { MIGRATION_LABELS, MIGRATION_METRICS } from '@cutover/hooks';
import type { Registry } from 'prom-client';
import type { DashboardContext } from '../dashboard-context.js';
import type { CheckFinding } from './health-report.js';

/** How long after its last occurrence a stage problem still fails the check; after that it warns. */
export const STAGE_PROBLEM_RECENT_MS = 5 * 60_000;

/** Totals seen by the previous check and when each last grew, per registry. */
interface Memory {
  readonly totals: Map<string, number>;
  readonly grewAt: Map<string, number>;
}
const memories = new WeakMap<Registry, Memory>();

/**
 * Migration flags that serve no stage, so their calls run as `off`: a value
 * that is not a stage (a boolean flag without a stage mapping) or a key no
 * flag source defines (a typo in the migration's `flagKey`), from the
 * migration metrics in the registry. Failing while it keeps happening (in the
 * last five minutes), a warning once it has stopped.
 */
export async function checkMigrationFlags(context: Pick<DashboardContext, 'registry'>, now = Date.now()): Promise<CheckFinding> {
  const unknown = context.registry.getSingleMetric(MIGRATION_METRICS.unknownStage);
  const notFound = context.registry.getSingleMetric(MIGRATION_METRICS.flagNotFound);
  if (!unknown || !notFound) return { status: 'skipped', message: 'no migration metrics in this registry' };
  const problems = new Map<string, number>();
  for (const { labels, value } of (await unknown.get()).values) {
    if (value > 0) problems.set(`${labels[MIGRATION_LABELS.key]} served "${labels[MIGRATION_LABELS.value]}", not a stage`, value);
  }
  for (const { labels, value } of (await notFound.get()).values) {
    if (value > 0) problems.set(`"${labels[MIGRATION_LABELS.key]}" is defined by no flag source`, value);
  }
  if (problems.size === 0) return { status: 'pass', message: 'every migration flag evaluated serves a stage' };
  const memory = memories.get(context.registry) ?? { totals: new Map(), grewAt: new Map() };
  memories.set(context.registry, memory);
  for (const [problem, total] of problems) {
    if (total > (memory.totals.get(problem) ?? 0)) memory.grewAt.set(problem, now);
    memory.totals.set(problem, total);
  }
  const recent = [...problems.keys()].some((problem) => now - (memory.grewAt.get(problem) ?? now) < STAGE_PROBLEM_RECENT_MS);
  const message = [...problems].map(([problem, total]) => `${problem} (${total} call(s) ran as off)`).join('; ');
  return recent ? { status: 'fail', message } : { status: 'warn', message: `no longer happening: ${message}` };
}
