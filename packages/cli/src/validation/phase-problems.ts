import { dependenciesOf, holdsBackDependents, isMigrationFlag, isPhaseFlag, PHASE_METADATA, readPhaseSet, rollbackVariantOf, stageOf, variantOf } from '@cutover/flag-model';
import type { FlagDefinition } from '@cutover/provider';
import type { ValidationProblem } from './flag-file-problem.js';

/** A flag of the merged view, where it is defined and how to point at a path inside it. */
export interface MergedFlag {
  readonly flag: FlagDefinition;
  readonly file: string;
  /** Where `path` (relative to the flag) is in its file, for the report. */
  locate(path: readonly (string | number)[]): { jsonPath: string; line?: number; column?: number };
}

/**
 * The rules of phase flags (`metadata.kind = "phase"`): every phase declares
 * the stage of every member; each member is a migration flag with a variant
 * for that stage; no phase moves a member ahead of its rollback stage while a
 * flag it `dependsOn` serves `off` in that phase (it would be held back).
 * Whether the members stand at the current phase's stages is not checked:
 * within a phase a member moves on its own.
 */
export function phaseProblems(merged: ReadonlyMap<string, MergedFlag>, reported: (key: string) => boolean): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [key, { flag, file, locate }] of merged) {
    if (!reported(key) || !isPhaseFlag(flag)) continue;
    const error = (metadataKey: string, reason: string) => problems.push({ severity: 'error', file, ...locate(['metadata', metadataKey]), reason: `phase flag "${key}": ${reason}` });
    const set = readPhaseSet(flag);
    for (const problem of set.problems) error(problem.key, problem.reason);
    for (const [phase, stages] of set.stages) {
      const at = `${PHASE_METADATA.prefix}${phase}`;
      for (const [member, stage] of stages) {
        const definition = merged.get(member)?.flag;
        if (!definition) error(at, `${member} is in none of the flag files`);
        else if (!isMigrationFlag(definition)) error(at, `${member} is not a migration flag (metadata.kind = "migration")`);
        else if (stageOf(definition, variantOf(definition, stage)) === undefined) error(at, `${member} has no variant for stage "${stage}" in phase "${phase}"`);
        else {
          const hold = heldBack(merged, stages, definition, stage);
          if (hold) error(at, `phase "${phase}" moves ${member} to ${stage} while ${hold} serves off: ${member} would be held back at its rollback variant`);
        }
      }
    }
  }
  return problems;
}

function heldBack(merged: ReadonlyMap<string, MergedFlag>, stages: ReadonlyMap<string, string>, member: FlagDefinition, stage: string): string | undefined {
  if (variantOf(member, stage) === rollbackVariantOf(member)) return undefined;
  return dependenciesOf(member).find((dependency) => {
    const definition = merged.get(dependency)?.flag;
    if (!definition) return false;
    const variant = stages.has(dependency) ? variantOf(definition, stages.get(dependency)!) : definition.defaultVariant;
    return typeof variant === 'string' && holdsBackDependents(definition.variants[variant]);
  });
}
