import { MIGRATION_STAGES } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import type { SchemaBuilder } from '@cutover/core';

/**
 * A boolean flag's two values as a migration's stages, e.g.
 * `{ true: 'live', false: 'off' }` for `CLAMBAKE_NEW_PLANNER=true`.
 */
export interface BooleanStages {
  /** The boolean flag read. @default the migration's own flag key */
  readonly from?: string;
  /** The stage while the flag is true. */
  readonly true: MigrationStage;
  /** The stage while it is false or unset: the rollback stage. */
  readonly false: MigrationStage;
}

/** One combination of boolean flags and the stage it means. */
export interface StageRule {
  /** Flag key → the value it must have; an unset flag is false. */
  readonly when: Readonly<Record<string, boolean>>;
  readonly stage: MigrationStage;
}

/**
 * Several boolean flags read together as one stage, as a team's router
 * combines `PARALLEL_MODE`, `SHADOW_MODE` and `USE_NEW_X`: the first rule
 * whose every flag has its value decides, `otherwise` when none does.
 */
export interface CombinedStages {
  readonly rules: readonly StageRule[];
  /** The stage when no rule matches: the rollback stage. */
  readonly otherwise: MigrationStage;
}

/** How a migration's stage is read from boolean (or boolean-like: `"true"`, `"1"`) flags. */
export type StageMapping = BooleanStages | CombinedStages;

/** The shape of the `stages` option: migration flag key → its mapping; unknown fields are named. Built on first use (zod loads lazily). */
export const stageMappingsSchema: SchemaBuilder<Readonly<Record<string, StageMapping>>> = (z) => {
  const stage = z.enum(MIGRATION_STAGES);
  return z.record(
    z.string().min(1),
    z.union([
      z.object({ from: z.string().min(1).optional(), true: stage, false: stage }).strict(),
      z
        .object({
          rules: z.array(z.object({ when: z.record(z.string().min(1), z.boolean()).refine((when) => Object.keys(when).length > 0, 'names no flag'), stage }).strict()).min(1),
          otherwise: stage,
        })
        .strict(),
    ]),
  );
};

/** Whether a mapping combines several flags. */
export function isCombined(mapping: StageMapping): mapping is CombinedStages {
  return 'rules' in mapping;
}

/** The boolean flags a mapping reads, in the order its rules name them. */
export function inputsOf(flagKey: string, mapping: StageMapping): string[] {
  if (!isCombined(mapping)) return [mapping.from ?? flagKey];
  return [...new Set(mapping.rules.flatMap((rule) => Object.keys(rule.when)))];
}
