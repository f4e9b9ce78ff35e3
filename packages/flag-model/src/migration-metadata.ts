import type { FlagDefinitionLike } from './flag-definition-like.js';

/** The `metadata` keys of Cutover's conventions for migration flags. */
export const MIGRATION_METADATA = Object.freeze({
  /** `"migration"` marks a migration flag; the other conventions apply only then. */
  kind: 'kind',
  /** The variant a rollback serves (and a flag held back by a dependency). */
  rollbackVariant: 'rollbackVariant',
  /** Comma-separated keys of the flags this one must not move ahead of. */
  dependsOn: 'dependsOn',
  /** A name shared by the flags a group rollback covers. */
  group: 'group',
} as const);

/** The value of `metadata.kind` that makes a flag a migration flag. */
export const MIGRATION_KIND = 'migration';

/** Whether a flag declares itself a migration flag (`metadata.kind = "migration"`). */
export function isMigrationFlag(flag: Pick<FlagDefinitionLike, 'metadata'>): boolean {
  return flag.metadata?.[MIGRATION_METADATA.kind] === MIGRATION_KIND;
}

/** The variant a rollback of the flag serves (`metadata.rollbackVariant`), if it names one. */
export function rollbackVariantOf(flag: Pick<FlagDefinitionLike, 'metadata'>): string | undefined {
  const variant = flag.metadata?.[MIGRATION_METADATA.rollbackVariant];
  return typeof variant === 'string' ? variant : undefined;
}

/** The group a group rollback of the flag names (`metadata.group`), if any. */
export function groupOf(flag: Pick<FlagDefinitionLike, 'metadata'>): string | undefined {
  const group = flag.metadata?.[MIGRATION_METADATA.group];
  return typeof group === 'string' ? group : undefined;
}
