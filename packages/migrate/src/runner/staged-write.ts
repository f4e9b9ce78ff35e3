import { WRITE_PLAN } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import { AbortableRun } from './abortable-run.js';
import { authoritativeRun } from './authoritative-run.js';
import type { LockLease } from './lock.js';
import type { Implementations } from './migration-init.js';
import { observe } from './observation.js';
import type { PlanSteps } from './plan-steps.js';
import { unwrap } from './unwrap.js';

/**
 * Writes through the path(s) the stage calls for: the authoritative one first,
 * then the other under the candidate timeout, skipped when the first fails (a
 * failure of the second is counted; the caller gets the first's outcome). A
 * lease that is not exclusive leaves the authoritative path alone.
 */
export async function stagedWrite<I, O, W, R>(steps: PlanSteps<I, O>, stage: MigrationStage, input: W, writes: Implementations<W, R>, lease: LockLease | undefined): Promise<R> {
  const plan = WRITE_PLAN[stage];
  const fencingToken = lease?.fencingToken;
  if (plan.other === undefined || steps.notExclusive(lease, plan.other, stage, 'write')) {
    return steps.runAlone(plan.authoritative, writes[plan.authoritative], input, stage, 'write', fencingToken, false);
  }
  const first = await observe({ implementation: writes[plan.authoritative], input, run: authoritativeRun(stage, 'write', plan.authoritative, fencingToken, false) });
  steps.emitPath(first, stage, 'write', true);
  if (first.status !== 'ok') {
    steps.emitSkip(plan.other, stage, 'write', 'authoritative-failed');
    return unwrap(first);
  }
  const run = new AbortableRun(stage, 'write', plan.other, false, fencingToken);
  const second = await observe({ implementation: writes[plan.other], input, run, timeoutMs: steps.config.candidateTimeoutMs, controller: run });
  steps.emitPath(second, stage, 'write', false);
  if (second.status !== 'ok') steps.counts.secondaryWriteFailures++;
  return unwrap(first);
}
