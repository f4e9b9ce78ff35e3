import type { AuditLog, AuditRecord } from '@cutover/rollback';
import type { FlagEdit } from './flag-edit.js';

/** Who made an edit and why, for the audit log. */
export interface EditAttribution {
  /** `cli:<user>`, `dashboard`, ... */
  readonly actor: string;
  readonly reason: string;
}

/**
 * Records a written edit in the audit log (the audit trail of flag changes): action
 * `stage` or `rollout`, scope the flag key, details with the change and the file.
 * `cutover cleanup-check` reads the `stage` records to date a flag's arrival at
 * `complete`. Dry runs and no-op edits are not recorded.
 */
export async function auditFlagEdit(log: AuditLog, edit: FlagEdit, attribution: EditAttribution): Promise<AuditRecord | undefined> {
  if (!edit.written) return undefined;
  return log.append({
    action: edit.action,
    status: 'completed',
    scope: edit.flagKey,
    actor: attribution.actor,
    reason: attribution.reason,
    details: { ...edit.details, file: edit.file },
  });
}
