import { DEPENDS_ON_FORMAT, isMigrationFlag, isMigrationStage, MIGRATION_METADATA, MIGRATION_STAGES } from '@cutover/flag-model';
import type { FlagDefinition } from './flag-definition.js';

/** A breach of Cutover's conventions: where (relative to the flag) and why. */
export interface ConventionViolation {
  readonly path: readonly (string | number)[];
  readonly reason: string;
}

/**
 * Checks a migration flag against Cutover's conventions: every variant a
 * migration stage, a `rollbackVariant` that names one of them, and when given,
 * `dependsOn` a list of flag keys and `group` a name. Undefined when it
 * conforms or is not a migration flag. Plain checks, run on every migration
 * flag of every file a process loads.
 */
export function checkMigrationConventions(flag: FlagDefinition): ConventionViolation | undefined {
  if (!isMigrationFlag(flag)) return undefined;
  const variants: Readonly<Record<string, unknown>> = flag.variants;
  for (const [name, value] of Object.entries(variants)) {
    if (!isMigrationStage(value)) return breach(['variants', name], `a migration stage (${MIGRATION_STAGES.join(', ')})`);
  }
  const metadata: Readonly<Record<string, unknown>> = flag.metadata ?? {};
  const rollbackVariant = metadata[MIGRATION_METADATA.rollbackVariant];
  if (typeof rollbackVariant !== 'string' || rollbackVariant === '') return breach(['metadata', MIGRATION_METADATA.rollbackVariant], 'a variant name is required');
  const dependsOn = metadata[MIGRATION_METADATA.dependsOn];
  if (dependsOn !== undefined && (typeof dependsOn !== 'string' || !DEPENDS_ON_FORMAT.test(dependsOn))) return breach(['metadata', MIGRATION_METADATA.dependsOn], 'a comma-separated list of flag keys');
  const group = metadata[MIGRATION_METADATA.group];
  if (group !== undefined && (typeof group !== 'string' || group === '')) return breach(['metadata', MIGRATION_METADATA.group], 'a group name is required');
  if (!Object.hasOwn(variants, rollbackVariant)) return breach(['metadata', MIGRATION_METADATA.rollbackVariant], `names no variant of the flag: "${rollbackVariant}"`);
  return undefined;
}

function breach(path: readonly (string | number)[], reason: string): ConventionViolation {
  return { path, reason: `migration flag: ${reason}` };
}
