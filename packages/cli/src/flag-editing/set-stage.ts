import { checkTransition, hasTargeting } from '@cutover/flag-model';
import { commitFlagEdit } from './commit-flag-edit.js';
import type { FlagEditDraft } from './commit-flag-edit.js';
import { describeTargeting, targetingShape } from './describe-targeting.js';
import { editJsonText } from './edit-json-text.js';
import type { FlagEdit } from './flag-edit.js';
import { FlagEditError } from './flag-edit-error.js';
import { resolveStage } from './read-migration-flag.js';
import type { MigrationFlagText } from './read-migration-flag.js';

/** Options of {@link setStage}. */
export interface SetStageOptions {
  /** Make a transition the state machine refuses (recorded as forced). @default false */
  readonly force?: boolean;
  /** Compute the edit and its diff, write nothing. @default false */
  readonly dryRun?: boolean;
}

/**
 * Moves a migration flag to one stage for everyone: `defaultVariant` becomes
 * the stage's variant and the targeting (a split, rules) is removed, editing
 * only those bytes of the file. The transition is checked from the flag's
 * current stage (its `defaultVariant`) by {@link checkTransition}; a refused one
 * throws `INVALID_TRANSITION` with the reason unless `force`. The edit is made
 * under the file's lock on its current text, so concurrent edits all land.
 */
export async function setStage(file: string, flagKey: string, stage: string, options: SetStageOptions = {}): Promise<FlagEdit> {
  return commitFlagEdit(file, flagKey, (flag) => planStage(flag, stage, options), options);
}

function planStage(flag: MigrationFlagText, stage: string, options: SetStageOptions): FlagEditDraft {
  const { file, flagKey } = flag;
  const target = resolveStage(flag, stage);
  const verdict = checkTransition(flag.baseline, target.stage, { stages: flag.stages, rollbackStage: flag.rollbackStage });
  if (!verdict.allowed && !options.force) {
    throw new FlagEditError('INVALID_TRANSITION', `refusing ${flagKey}: ${verdict.reason}. Use --force (force: true) if you are sure.`);
  }
  const warnings: string[] = [];
  if (!verdict.allowed) warnings.push(`forced: ${verdict.reason}`);
  const shape = targetingShape(flag.definition);
  if (shape.kind === 'rules') warnings.push(`removed targeting rules: ${describeTargeting(flag.definition)}`);
  let after = editJsonText(flag.text, ['flags', flagKey, 'defaultVariant'], target.variant);
  if (hasTargeting(flag.definition.targeting) || flag.definition.targeting !== undefined) {
    after = editJsonText(after, ['flags', flagKey, 'targeting'], undefined);
  }
  return {
    file,
    flagKey,
    action: 'stage',
    from: describeTargeting(flag.definition),
    to: target.variant,
    before: flag.text,
    after,
    details: { from: flag.baseline, to: target.stage, targetingBefore: describeTargeting(flag.definition), forced: !verdict.allowed, transition: verdict.reason },
    warnings,
  };
}
