import { isPhaseFlag, readPhaseSet, variantOf } from '@cutover/flag-model';
import type { FlagDefinition } from '@cutover/provider';
import type { RollbackScope } from './rollback-scope.js';
import type { RollbackSelection, RollbackTarget } from './select-rollback-targets.js';

/** Finds a flag's definition by key (the flag files', else the overlay entry's own copy). */
export type FlagLookup = (flagKey: string) => Readonly<FlagDefinition> | undefined;

/** The phase flag a scope rolls back: `phase:<key>`, or a flag scope that names a phase flag. */
export function phaseScopeKey(scope: RollbackScope, lookup: FlagLookup): string | undefined {
  if ('phase' in scope) return scope.phase;
  if ('flag' in scope) {
    const definition = lookup(scope.flag);
    return definition !== undefined && isPhaseFlag(definition) ? scope.flag : undefined;
  }
  return undefined;
}

/** The phase flag and the members its phases name: what a rollback of the phase covers. */
export function phaseFlagsOf(phaseKey: string, lookup: FlagLookup): string[] {
  const definition = lookup(phaseKey);
  return definition !== undefined && isPhaseFlag(definition) ? [phaseKey, ...readPhaseSet(definition).members] : [phaseKey];
}

/**
 * A rollback of a phase: the phase flag serves its `rollbackPhase`, and each
 * member the stage that phase declares for it, so the whole set returns to
 * that phase at once, through the same overlay as any rollback.
 */
export function selectPhaseTargets(definitions: ReadonlyMap<string, Readonly<FlagDefinition>>, phaseKey: string): RollbackSelection {
  const phaseFlag = definitions.get(phaseKey);
  if (!phaseFlag) return { targets: [], problems: [`phase flag "${phaseKey}" is in none of the flag files`] };
  if (!isPhaseFlag(phaseFlag)) return { targets: [], problems: [`flag "${phaseKey}" is not a phase flag (metadata.kind = "phase")`] };
  const set = readPhaseSet(phaseFlag);
  const rollbackPhase = set.rollbackPhase;
  if (rollbackPhase === undefined) return { targets: [], problems: [`phase flag "${phaseKey}" has no usable metadata.rollbackPhase`] };
  const targets: RollbackTarget[] = [{ flagKey: phaseKey, variant: rollbackPhase, value: phaseFlag.variants[rollbackPhase]!, definition: phaseFlag }];
  const problems: string[] = [];
  for (const [member, stage] of set.stages.get(rollbackPhase) ?? []) {
    const definition = definitions.get(member);
    const variant = definition && variantOf(definition, stage);
    if (!definition || variant === undefined) {
      problems.push(`flag "${member}" of phase ${phaseKey} has no variant for stage "${stage}" of ${rollbackPhase}`);
      continue;
    }
    targets.push({ flagKey: member, variant, value: definition.variants[variant]!, definition });
  }
  return { targets, problems };
}
