import { isMigrationStage, READ_PLAN } from '@cutover/flag-model';
import type { GuardConfig } from './guard-config.js';
import type { GuardCriterion } from './guard-verdict.js';

/** Whether a criterion can roll back at the stages a window served, and why. */
export interface CriterionApplicability {
  /** False when a failure of the criterion is reported but rolls nothing back. */
  readonly applied: boolean;
  /** Why, in words, e.g. `not applied at shadow: candidate off the caller's path`. */
  readonly reason: string;
}

// Criteria that harm users only where the caller waits for the candidate.
const ON_CALLER_PATH_ONLY: ReadonlySet<GuardCriterion> = new Set(['latency']);
/** What a criterion that does not depend on the stage gets. */
export const EVERY_STAGE: CriterionApplicability = Object.freeze({ applied: true, reason: 'applies at every stage' });

/**
 * Decides whether a criterion applies to a window that served `stages`.
 * Latency applies only where the candidate answers the caller (live,
 * rampdown, complete: the stages whose reads return the candidate's result),
 * unless `offPathLatency` is `rollback`; in shadow a slow candidate costs the
 * caller nothing, so its latency is information. A canary split with any
 * candidate-serving stage applies it. Without stages every criterion applies.
 */
export function criterionApplicability(criterion: GuardCriterion, stages: readonly string[] | undefined, config: GuardConfig): CriterionApplicability {
  if (!ON_CALLER_PATH_ONLY.has(criterion)) return EVERY_STAGE;
  if (config.offPathLatency === 'rollback') return { applied: true, reason: 'applied at every stage (offPathLatency: rollback)' };
  if (stages === undefined || stages.length === 0) return { applied: true, reason: 'applied: the stages served are unknown' };
  const serving = stages.filter((stage) => isMigrationStage(stage) && READ_PLAN[stage].authoritative === 'candidate');
  return serving.length > 0
    ? { applied: true, reason: `applied at ${serving.join(', ')}: candidate on the caller's path` }
    : { applied: false, reason: `not applied at ${stages.join(', ')}: candidate off the caller's path` };
}
