import { z } from 'zod';
import { MIGRATION_STAGES } from '../migration-stages.js';
import type { FlagDefinition } from './flag-definition.js';

/** Metadata every migration flag carries (seed 003: dependencies, groups). */
const migrationMetadata = z
  .object({
    kind: z.literal('migration'),
    rollbackVariant: z.string().min(1),
    dependsOn: z
      .string()
      .regex(/^\s*[^,\s]+(\s*,\s*[^,\s]+)*\s*$/, 'a comma-separated list of flag keys')
      .optional(),
    group: z.string().min(1).optional(),
  })
  .loose();

const migrationFlag = z
  .object({
    variants: z.record(z.string(), z.enum(MIGRATION_STAGES, { error: `a migration stage (${MIGRATION_STAGES.join(', ')})` })),
    metadata: migrationMetadata,
  })
  .loose()
  .superRefine((flag, ctx) => {
    if (!Object.hasOwn(flag.variants, flag.metadata.rollbackVariant)) {
      ctx.addIssue({ code: 'custom', path: ['metadata', 'rollbackVariant'], message: `names no variant of the flag: "${flag.metadata.rollbackVariant}"` });
    }
  });

/** A breach of Cutover's conventions: where (relative to the flag) and why. */
export interface ConventionViolation {
  readonly path: readonly (string | number)[];
  readonly reason: string;
}

/** Whether a flag declares itself a migration flag (`metadata.kind = "migration"`). */
export function isMigrationFlag(flag: FlagDefinition): boolean {
  return flag.metadata?.kind === 'migration';
}

/** Checks a migration flag against Cutover's conventions; undefined when it conforms or is not a migration flag. */
export function checkMigrationConventions(flag: FlagDefinition): ConventionViolation | undefined {
  if (!isMigrationFlag(flag)) return undefined;
  const result = migrationFlag.safeParse(flag);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  return { path: issue.path as (string | number)[], reason: `migration flag: ${issue.message}` };
}

/** The keys a migration flag depends on (`metadata.dependsOn`). */
export function dependenciesOf(flag: FlagDefinition): string[] {
  const raw = flag.metadata?.dependsOn;
  return typeof raw === 'string' ? raw.split(',').map((key) => key.trim()).filter(Boolean) : [];
}
