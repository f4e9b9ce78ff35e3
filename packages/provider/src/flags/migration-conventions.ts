import { DEPENDS_ON_FORMAT, isMigrationFlag, MIGRATION_KIND, MIGRATION_METADATA, MIGRATION_STAGES } from '@cutover/flag-model';
import { z } from 'zod';
import type { FlagDefinition } from './flag-definition.js';

/** Metadata every migration flag carries: its rollback variant, and optionally its dependencies and group. */
const migrationMetadata = z
  .object({
    [MIGRATION_METADATA.kind]: z.literal(MIGRATION_KIND),
    [MIGRATION_METADATA.rollbackVariant]: z.string().min(1),
    [MIGRATION_METADATA.dependsOn]: z.string().regex(DEPENDS_ON_FORMAT, 'a comma-separated list of flag keys').optional(),
    [MIGRATION_METADATA.group]: z.string().min(1).optional(),
  })
  .loose();

const migrationFlag = z
  .object({
    variants: z.record(z.string(), z.enum(MIGRATION_STAGES, { error: `a migration stage (${MIGRATION_STAGES.join(', ')})` })),
    metadata: migrationMetadata,
  })
  .loose()
  .superRefine((flag, ctx) => {
    const rollbackVariant = flag.metadata[MIGRATION_METADATA.rollbackVariant];
    if (!Object.hasOwn(flag.variants, rollbackVariant)) {
      ctx.addIssue({ code: 'custom', path: ['metadata', MIGRATION_METADATA.rollbackVariant], message: `names no variant of the flag: "${rollbackVariant}"` });
    }
  });

/** A breach of Cutover's conventions: where (relative to the flag) and why. */
export interface ConventionViolation {
  readonly path: readonly (string | number)[];
  readonly reason: string;
}

/** Checks a migration flag against Cutover's conventions; undefined when it conforms or is not a migration flag. */
export function checkMigrationConventions(flag: FlagDefinition): ConventionViolation | undefined {
  if (!isMigrationFlag(flag)) return undefined;
  const result = migrationFlag.safeParse(flag);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  return { path: issue.path as (string | number)[], reason: `migration flag: ${issue.message}` };
}
