import { isMigrationFlag } from '@cutover/flag-model';
import type { FlagDefinition, RollbackScope } from '@cutover/provider';
import type { FlagValue } from '@openfeature/server-sdk';

/** One flag to roll back: the variant it will serve and that variant's value. */
export interface RollbackTarget {
  readonly flagKey: string;
  readonly variant: string;
  readonly value: FlagValue;
}

/**
 * The migration flags in `scope` with the value of their `rollbackVariant`,
 * chosen as the overlay chooses them (migration flags only; a group by
 * `metadata.group`), and the reasons flags in scope cannot be rolled back.
 */
export function rollbackTargets(
  definitions: ReadonlyMap<string, Readonly<FlagDefinition>>,
  scope: RollbackScope,
): { targets: RollbackTarget[]; problems: string[] } {
  const targets: RollbackTarget[] = [];
  const problems: string[] = [];
  if ('flag' in scope && !definitions.has(scope.flag)) problems.push(`flag "${scope.flag}" is in none of the flag files`);
  for (const [flagKey, definition] of definitions) {
    const inScope = 'all' in scope || ('flag' in scope ? flagKey === scope.flag : definition.metadata?.group === scope.group);
    if (!inScope || !isMigrationFlag(definition)) continue;
    const variant = definition.metadata?.rollbackVariant;
    if (typeof variant !== 'string' || !Object.hasOwn(definition.variants, variant)) {
      problems.push(`flag "${flagKey}" has no usable metadata.rollbackVariant`);
      continue;
    }
    targets.push({ flagKey, variant, value: definition.variants[variant]! });
  }
  return { targets, problems };
}
