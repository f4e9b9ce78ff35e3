/** What an audit record is about. */
export type AuditAction = 'rollback' | 'rollback-cleared' | 'stage' | 'rollout' | 'phase' | 'approval' | 'guard-verdict';

/** Where an action stands: rollbacks are recorded when initiated and again when completed or failed. */
export type AuditStatus = 'initiated' | 'completed' | 'failed';

/** One line of the audit log. */
export interface AuditRecord {
  /** ISO timestamp. */
  readonly at: string;
  readonly action: AuditAction;
  readonly status: AuditStatus;
  /** The flag, `group:<name>` or `all`. */
  readonly scope: string;
  /** Who acted: `guard`, `cli:<user>`, `dashboard`, `controller`. */
  readonly actor: string;
  readonly reason: string;
  /** The numbers behind the action (a guard verdict's values, thresholds, samples), or the change (`from`, `to`). */
  readonly details?: Readonly<Record<string, unknown>>;
}
