/**
 * The stages of a migration flag, in rollout order: which path reads and which
 * path writes at each one is in `READ_PLAN` and `WRITE_PLAN`.
 */
export const MIGRATION_STAGES = ['off', 'dualwrite', 'shadow', 'live', 'rampdown', 'complete'] as const;

/** One stage of a migration flag; the variants of a migration flag are stages. */
export type MigrationStage = (typeof MIGRATION_STAGES)[number];

const known: ReadonlySet<unknown> = new Set(MIGRATION_STAGES);

/** Whether a value is one of the migration stages; the runner treats anything else as `off`. */
export function isMigrationStage(value: unknown): value is MigrationStage {
  return known.has(value);
}

/** The position of a stage in rollout order (`off` is 0), to compare two stages. */
export function stageRank(stage: MigrationStage): number {
  return MIGRATION_STAGES.indexOf(stage);
}
