import type { AuditLog, AuditRecord } from '@cutover/rollback';

/** Which gate an approval opens: one step of one run. */
export interface ApprovalGate {
  readonly flagKey: string;
  readonly runId: string;
  readonly step: number;
}

/** The approval of `gate` in the audit log, if someone gave it. */
export async function findApproval(audit: Pick<AuditLog, 'read'>, gate: ApprovalGate): Promise<AuditRecord | undefined> {
  const records = await audit.read((record) => isApprovalOf(record, gate));
  return records[0];
}

/** True for the `approval`/`completed` record of `gate`. */
export function isApprovalOf(record: AuditRecord, gate: ApprovalGate): boolean {
  return record.action === 'approval' && record.status === 'completed' && record.scope === gate.flagKey && record.details?.runId === gate.runId && record.details?.step === gate.step;
}
