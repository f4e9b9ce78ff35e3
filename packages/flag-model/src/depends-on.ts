import type { FlagDefinitionLike } from './flag-definition-like.js';
import { MIGRATION_METADATA } from './migration-metadata.js';

/** The form of `metadata.dependsOn`: flag keys separated by commas, spaces around them allowed. */
export const DEPENDS_ON_FORMAT = /^\s*[^,\s]+(\s*,\s*[^,\s]+)*\s*$/;

/** The keys a flag depends on (`metadata.dependsOn`), empty for most flags. */
export function dependenciesOf(flag: Pick<FlagDefinitionLike, 'metadata'>): string[] {
  const raw = flag.metadata?.[MIGRATION_METADATA.dependsOn];
  return typeof raw === 'string' ? raw.split(',').map((key) => key.trim()).filter(Boolean) : [];
}

/**
 * Whether a dependency's value holds its dependents back: a flag cannot move
 * ahead of one that serves `off` (a migration flag) or `false` (a boolean
 * flag), so while it does they serve their rollback variant.
 */
export function holdsBackDependents(value: unknown): boolean {
  return value === 'off' || value === false;
}
