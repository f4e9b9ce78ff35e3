import { checkTransition, findSplits, stageOf } from '@cutover/flag-model';
import type { Split } from '@cutover/flag-model';
import { parseFlagFile } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
import { commitFlagEdit } from './commit-flag-edit.js';
import type { FlagEditDraft } from './commit-flag-edit.js';
import { describeTargeting, targetingShape } from './describe-targeting.js';
import { editJsonText } from './edit-json-text.js';
import type { FlagEdit } from './flag-edit.js';
import { FlagEditError } from './flag-edit-error.js';
import { resolveStage } from './read-migration-flag.js';
import type { MigrationFlagText } from './read-migration-flag.js';
import { literalOutcomes } from './rule-outcomes.js';

/** Options of {@link setStage}. */
export interface SetStageOptions {
  /** Make a transition the state machine refuses (recorded as forced). @default false */
  readonly force?: boolean;
  /** Erase targeting rules the team wrote, so everyone gets the stage. @default false (rules are kept) */
  readonly replaceTargeting?: boolean;
  /** Compute the edit and its diff, write nothing. @default false */
  readonly dryRun?: boolean;
}

/**
 * Moves a migration flag to a stage: `defaultVariant` becomes the stage's
 * variant, editing only those bytes of the file. What happens to targeting:
 * - a split that is the whole targeting (what `cutover rollout` writes) is
 *   removed: everyone gets the stage;
 * - rules the team wrote are kept, and the splits inside them between stages
 *   (the rollouts) give their share to the new default; rules left serving
 *   only the new stage are removed as redundant. Moving to `complete` with
 *   rules that still serve another stage is refused (`TARGETING_KEPT`),
 *   naming them; `replaceTargeting` erases them, and so does `force`.
 * The transition is checked from the flag's current stage (its
 * `defaultVariant`) by {@link checkTransition}; a refused one throws
 * `INVALID_TRANSITION` with the reason unless `force`. The edit is made under
 * the file's lock on its current text, so concurrent edits all land.
 */
export async function setStage(file: string, flagKey: string, stage: string, options: SetStageOptions = {}): Promise<FlagEdit> {
  return commitFlagEdit(file, flagKey, (flag) => planStage(flag, stage, options), options);
}

/** The edit {@link setStage} makes, planned on the flag's text (for edits of several flags of one file). */
export function planStage(flag: MigrationFlagText, stage: string, options: Omit<SetStageOptions, 'dryRun'> = {}): FlagEditDraft {
  const { file, flagKey } = flag;
  const target = resolveStage(flag, stage);
  const verdict = checkTransition(flag.baseline, target.stage, { stages: flag.stages, rollbackStage: flag.rollbackStage });
  if (!verdict.allowed && !options.force) {
    throw new FlagEditError('INVALID_TRANSITION', `refusing ${flagKey}: ${verdict.reason}. Use --force (force: true) if you are sure.`);
  }
  const warnings: string[] = [];
  if (!verdict.allowed) warnings.push(`forced: ${verdict.reason}`);
  const before = describeTargeting(flag.definition);
  const moved = editJsonText(flag.text, ['flags', flagKey, 'defaultVariant'], target.variant);
  const targeting = planTargeting(flag, moved, target, options);
  warnings.push(...targeting.warnings);
  return {
    file,
    flagKey,
    action: 'stage',
    from: before,
    to: target.variant,
    before: flag.text,
    after: targeting.text,
    details: {
      from: flag.baseline, to: target.stage, targetingBefore: before, forced: !verdict.allowed, transition: verdict.reason,
      targeting: targeting.outcome, ...(targeting.kept ? { targetingKept: targeting.kept } : {}),
    },
    warnings,
  };
}

interface TargetingPlan {
  readonly text: string;
  /** `none`, `removed` (a rollout split, redundant rules, or erased on request) or `kept`. */
  readonly outcome: 'none' | 'removed' | 'kept';
  /** The rules kept, in words. */
  readonly kept?: string;
  readonly warnings: readonly string[];
}

function planTargeting(flag: MigrationFlagText, text: string, target: { variant: string; stage: string }, options: Omit<SetStageOptions, 'dryRun'>): TargetingPlan {
  const path = ['flags', flag.flagKey, 'targeting'];
  const { definition } = flag;
  const shape = targetingShape(definition);
  const remove = (warnings: string[] = []): TargetingPlan => ({ text: editJsonText(text, path, undefined), outcome: 'removed', warnings });
  if (shape.kind === 'static') return definition.targeting === undefined ? { text, outcome: 'none', warnings: [] } : remove();
  if (shape.kind === 'split') return remove();
  const rules = describeTargeting(definition);
  if (options.replaceTargeting) return remove([`removed targeting rules: ${rules}`]);
  // Staying at the same stage leaves the rules and their splits as they are: nothing has moved.
  if (target.stage === flag.baseline) return { text, outcome: 'kept', kept: rules, warnings: [] };
  let collapsed = text;
  for (const split of findSplits(definition.targeting).filter((s) => isStageSplit(definition, s))) {
    collapsed = editJsonText(collapsed, [...path, ...split.path.slice(0, -1)], null);
  }
  const remaining = parseFlagFile(collapsed, flag.file).flags.get(flag.flagKey)!.definition;
  const outcomes = literalOutcomes(remaining.targeting);
  if (outcomes !== undefined && outcomes.every((variant) => variant === target.variant)) {
    return remove([`removed targeting rules: ${rules} (what is left of them serves ${target.variant}, as the default now does)`]);
  }
  const kept = describeTargeting(remaining);
  const others = (outcomes ?? []).filter((variant) => variant !== target.variant);
  if (target.stage === 'complete' && options.force) {
    // A forced complete is still complete for everyone: the rules that kept contexts elsewhere go, named.
    return remove([`forced: removed targeting rules that still sent some contexts to ${others.join(', ') || 'other variants'}: ${kept}`]);
  }
  if (target.stage === 'complete') {
    throw new FlagEditError(
      'TARGETING_KEPT',
      `refusing ${flag.flagKey}: complete is for everyone, but its targeting rules still send some contexts to ${others.join(', ') || 'other variants'} (${kept}). Erase them with --replace-targeting (replaceTargeting: true), or move those contexts first.`,
    );
  }
  return { text: collapsed, outcome: 'kept', kept, warnings: [`kept targeting rules: ${kept}; the contexts they match keep their answers (--replace-targeting gives everyone ${target.variant})`] };
}

// A split whose buckets are all stages of the flag is a rollout between stages: at a new stage its share is the default's.
function isStageSplit(definition: FlagDefinition, split: Split): boolean {
  return split.buckets.every((bucket) => bucket.variantRule === undefined && stageOf(definition, bucket.variant) !== undefined);
}

