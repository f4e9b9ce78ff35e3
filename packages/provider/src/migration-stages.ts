/**
 * The stages of a migration flag, in rollout order (see MISSION.md): which path
 * reads and which path writes at each one.
 */
export const MIGRATION_STAGES = ['off', 'dualwrite', 'shadow', 'live', 'rampdown', 'complete'] as const;

/** One stage of a migration flag. */
export type MigrationStage = (typeof MIGRATION_STAGES)[number];

/** Whether a string is one of the migration stages. */
export function isMigrationStage(value: unknown): value is MigrationStage {
  return typeof value === 'string' && (MIGRATION_STAGES as readonly string[]).includes(value);
}
