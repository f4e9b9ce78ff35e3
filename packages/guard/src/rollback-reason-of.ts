import { ROLLBACK_REASONS } from '@cutover/rollback';
import type { RollbackReason } from '@cutover/rollback';
import type { GuardCriterion } from './guard-verdict.js';

const BY_CRITERION: Readonly<Record<GuardCriterion, RollbackReason>> = {
  'error-rate': ROLLBACK_REASONS.errorRate,
  'error-rate-increase': ROLLBACK_REASONS.errorRate,
  latency: ROLLBACK_REASONS.latency,
  'match-rate': ROLLBACK_REASONS.matchRate,
  'success-rate': ROLLBACK_REASONS.successRate,
  throughput: ROLLBACK_REASONS.throughput,
  availability: ROLLBACK_REASONS.availability,
  traffic: ROLLBACK_REASONS.availability,
};

/** The rollback `reason` label for the guard's failed criteria: the first one's (both error-rate criteria are `error_rate`). */
export function rollbackReasonOf(failed: readonly GuardCriterion[]): RollbackReason {
  const first = failed[0];
  return first === undefined ? ROLLBACK_REASONS.manual : BY_CRITERION[first];
}
