import type { MigrationStage } from '@cutover/flag-model';
import type { EvaluationContext } from '@openfeature/server-sdk';
import { firstSuccessful } from './first-successful.js';
import type { PlanSteps } from './plan-steps.js';
import type { Path } from './run-context.js';
import { unwrap } from './unwrap.js';

/**
 * Races the stage's authoritative read against the other one and answers with
 * the first success; both are compared once the slower one arrives, each with
 * its own duration. Without the other run (unsampled, in-flight limit) the
 * authoritative path answers alone.
 */
export async function fastestRead<I, O>(
  steps: PlanSteps<I, O>,
  preferredPath: Path,
  otherPath: Path,
  input: I,
  stage: MigrationStage,
  readOnly: boolean,
  context: EvaluationContext | undefined,
  fencingToken: number | undefined,
): Promise<O> {
  const other = steps.startOffPath(otherPath, input, stage);
  const preferred = steps.observeAuthoritative(preferredPath, input, stage, readOnly, fencingToken).then((observation) => {
    steps.emitPath(observation, stage, 'read', true);
    return observation;
  });
  if (!other) return unwrap(await preferred);
  const first = await firstSuccessful(preferred, other);
  // The answer is compared as the caller received it, the other as it arrives.
  const answered = steps.snapshotOf(first);
  const legacy = first.path === 'legacy' ? answered : preferredPath === 'legacy' ? preferred : other;
  const candidate = first.path === 'candidate' ? answered : preferredPath === 'candidate' ? preferred : other;
  steps.compareLater(stage, input, context, legacy, candidate);
  return unwrap(first);
}
