/**
 * Why a rollback happened, as the `reason` label of `cutover_rollbacks_total`:
 * the kind of evidence that tripped (the guard maps its criteria to these), or
 * `manual` for a person. A closed list keeps the label bounded.
 */
export const ROLLBACK_REASONS = {
  errorRate: 'error_rate',
  latency: 'latency',
  matchRate: 'match_rate',
  successRate: 'success_rate',
  throughput: 'throughput',
  availability: 'availability',
  manual: 'manual',
} as const;

/** Values of the rollback `status` label: whether a rollback took effect. */
export const ROLLBACK_STATUSES = { completed: 'completed', failed: 'failed' } as const;

/** A value of the rollback `reason` label. */
export type RollbackReason = (typeof ROLLBACK_REASONS)[keyof typeof ROLLBACK_REASONS];

/** A value of the rollback `status` label. */
export type RollbackStatus = (typeof ROLLBACK_STATUSES)[keyof typeof ROLLBACK_STATUSES];
