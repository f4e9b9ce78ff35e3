import type { AuditLog } from '@cutover/rollback';
import type { EditAttribution } from '../flag-editing/audit-flag-edit.js';
import type { PhaseMove } from './move-phase.js';

/**
 * Records a written phase move: a `stage` record for each member that moved
 * (as `cutover stage` writes it, so `cleanup-check` dates a member's arrival
 * at complete whichever command moved it), then one `phase` record for the
 * phase flag with every member's change. A dry run records nothing.
 */
export async function auditPhaseMove(log: AuditLog, move: PhaseMove, attribution: EditAttribution): Promise<boolean> {
  if (!move.files.some((file) => file.written)) return false;
  for (const member of move.members.filter((m) => m.edit)) {
    await log.append({
      action: 'stage', status: 'completed', scope: member.flagKey, actor: attribution.actor, reason: attribution.reason,
      details: { ...member.edit!.details, file: member.edit!.file, phase: { flagKey: move.flagKey, from: move.from, to: move.to } },
    });
  }
  await log.append({
    action: 'phase', status: 'completed', scope: move.flagKey, actor: attribution.actor, reason: attribution.reason,
    details: {
      from: move.from, to: move.to, forced: move.forced,
      members: move.members.map(({ flagKey, from, to, edit }) => ({ flagKey, from, to, changed: edit !== undefined })),
      files: move.files.filter((file) => file.written).map((file) => file.file),
    },
  });
  return true;
}
