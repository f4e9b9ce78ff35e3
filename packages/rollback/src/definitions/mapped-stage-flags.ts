import { MIGRATION_KIND, MIGRATION_METADATA, MIGRATION_STAGES } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import type { FlagDefinition, StageMapping } from '@cutover/provider';
import type { KnownFlags } from './known-flags.js';

/**
 * The known flags plus a migration flag for each migration whose stage is read
 * from boolean flags (the provider's `stages`: a team's `USE_NEW_X=true`, or
 * several switches together), so such a migration rolls back like any other:
 * the overlay entry serves its rollback stage (the mapping's `false` or
 * `otherwise`), which wins over the booleans in every process and in flagd. A
 * migration the flag files define is left as they define it.
 */
export function withMappedStageFlags(known: KnownFlags, stages: Readonly<Record<string, StageMapping>> | undefined): KnownFlags {
  const mapped = Object.entries(stages ?? {}).filter(([flagKey]) => !known.definitions.has(flagKey));
  if (mapped.length === 0) return known;
  const definitions = new Map(known.definitions);
  for (const [flagKey, mapping] of mapped) definitions.set(flagKey, stageFlag(rollbackStageOf(mapping)));
  return { ...known, definitions };
}

/** The stage a mapping serves when its switches are off: where a rollback takes it. */
function rollbackStageOf(mapping: StageMapping): MigrationStage {
  return 'rules' in mapping ? mapping.otherwise : mapping.false;
}

function stageFlag(rollbackStage: MigrationStage): FlagDefinition {
  return {
    state: 'ENABLED',
    variants: Object.fromEntries(MIGRATION_STAGES.map((stage) => [stage, stage])),
    defaultVariant: rollbackStage,
    metadata: { [MIGRATION_METADATA.kind]: MIGRATION_KIND, [MIGRATION_METADATA.rollbackVariant]: rollbackStage },
  };
}
