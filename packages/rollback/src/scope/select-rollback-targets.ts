import { isMigrationFlag, isPhaseFlag, rollbackVariantOf } from '@cutover/flag-model';
import type { FlagDefinition } from '@cutover/provider';
import type { FlagValue } from '@openfeature/server-sdk';
import { inRollbackScope } from './in-rollback-scope.js';
import { phaseScopeKey, selectPhaseTargets } from './phase-scope.js';
import type { RollbackScope } from './rollback-scope.js';

/** One flag to roll back: the variant it will serve, that variant's value, and the definition the overlay entry copies. */
export interface RollbackTarget {
  readonly flagKey: string;
  readonly variant: string;
  readonly value: FlagValue;
  readonly definition: Readonly<FlagDefinition>;
}

/** The migration flags of a scope that can be rolled back, and why the others in it cannot. */
export interface RollbackSelection {
  readonly targets: readonly RollbackTarget[];
  readonly problems: readonly string[];
}

/**
 * The migration flags in `scope` (never a flag that is not a migration) with
 * their `rollbackVariant`, and the reasons flags in scope cannot be rolled
 * back: an unknown flag, a missing or unknown rollback variant.
 */
export function selectRollbackTargets(definitions: ReadonlyMap<string, Readonly<FlagDefinition>>, scope: RollbackScope): RollbackSelection {
  const lookup = (key: string) => definitions.get(key);
  const phase = phaseScopeKey(scope, lookup);
  if (phase !== undefined) return selectPhaseTargets(definitions, phase);
  const targets: RollbackTarget[] = [];
  const problems: string[] = [];
  if ('flag' in scope && !definitions.has(scope.flag)) problems.push(`flag "${scope.flag}" is in none of the flag files`);
  for (const [flagKey, definition] of definitions) {
    if ('all' in scope && isPhaseFlag(definition)) {
      // Everything back includes the phase flags, so the phase an application reads says so.
      targets.push(...selectPhaseTargets(definitions, flagKey).targets.slice(0, 1));
      continue;
    }
    if (!inRollbackScope(scope, flagKey, lookup) || !isMigrationFlag(definition)) continue;
    const variant = rollbackVariantOf(definition);
    if (variant === undefined || !Object.hasOwn(definition.variants, variant)) {
      problems.push(`flag "${flagKey}" has no usable metadata.rollbackVariant`);
      continue;
    }
    targets.push({ flagKey, variant, value: definition.variants[variant]!, definition });
  }
  return { targets, problems };
}
