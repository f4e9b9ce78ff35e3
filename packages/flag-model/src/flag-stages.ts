import type { FlagDefinitionLike } from './flag-definition-like.js';
import { isMigrationStage, MIGRATION_STAGES } from './migration-stage.js';
import type { MigrationStage } from './migration-stage.js';

/** The variant of a flag for a name given by a person: the variant of that name, else the first variant whose value is that stage. */
export function variantOf(flag: Pick<FlagDefinitionLike, 'variants'>, name: string): string | undefined {
  return Object.hasOwn(flag.variants, name) ? name : Object.keys(flag.variants).find((variant) => flag.variants[variant] === name);
}

/** The stage a variant of the flag serves, if the variant exists and its value is a stage. */
export function stageOf(flag: Pick<FlagDefinitionLike, 'variants'>, variant: unknown): MigrationStage | undefined {
  if (typeof variant !== 'string' || !Object.hasOwn(flag.variants, variant)) return undefined;
  const value = flag.variants[variant];
  return isMigrationStage(value) ? value : undefined;
}

/** The stages a flag has as variant values, in rollout order. */
export function stagesOf(flag: Pick<FlagDefinitionLike, 'variants'>): MigrationStage[] {
  const present = new Set(Object.values(flag.variants));
  return MIGRATION_STAGES.filter((stage) => present.has(stage));
}
