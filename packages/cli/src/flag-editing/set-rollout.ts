import { bucketIndex, checkTransition, cohortBucketing, cohortOf, fractionalArgs, hasTargeting, nextStage, variantOf, writeSplit } from '@cutover/flag-model';
import type { MigrationStage, Split, SplitBucket } from '@cutover/flag-model';
import type { JSONPath } from 'jsonc-parser';
import { commitFlagEdit } from './commit-flag-edit.js';
import type { FlagEditDraft } from './commit-flag-edit.js';
import { describeTargeting, targetingShape } from './describe-targeting.js';
import { editJsonText } from './edit-json-text.js';
import type { FlagEdit } from './flag-edit.js';
import { FlagEditError } from './flag-edit-error.js';
import { resolveStage } from './read-migration-flag.js';
import type { MigrationFlagText } from './read-migration-flag.js';

/** Options of {@link setRollout}. */
export interface SetRolloutOptions {
  /** The stage the canary share gets. @default the split's current canary, else the stage after the flag's current one */
  readonly target?: string;
  /** Canary towards a stage the state machine refuses. @default false */
  readonly force?: boolean;
  /**
   * A cohort shared by several flags: the split is bucketed by
   * `{ "cat": [cohort, { "var": "targetingKey" }] }` instead of the flag key, so
   * flags at the same percentage pick the same ids. @default the split's own bucketing
   */
  readonly cohort?: string;
  /** Compute the edit and its diff, write nothing. @default false */
  readonly dryRun?: boolean;
}

/**
 * Sends `percent` % of targeting keys to the target stage and the rest to the
 * flag's current stage (its `defaultVariant`, the baseline), canary first:
 * `[[target, p], [baseline, 100 - p]]`. With the canary first, raising the
 * percentage only adds ids to it (an id in the 10 % stays in the 25 %), and the
 * ids match `FF_<KEY>_PERCENT`. An existing split (top level, or the one split
 * inside rules) is edited in place, keeping its bucketing expression and the
 * rules around it; rules without a split get it in their final `null` else
 * branch (the contexts no rule matches); a flag without targeting gets a
 * top-level split. `cohort` sets the split's bucketing expression. The flag's
 * stage does not change: finish with `setStage(target)` at 100 %. Like
 * {@link setStage}, the edit is made under the file's lock on its current text.
 */
export async function setRollout(file: string, flagKey: string, percent: number, options: SetRolloutOptions = {}): Promise<FlagEdit> {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new FlagEditError('INVALID_PERCENT', `percent must be a whole number from 0 to 100 (flagd weights are integers), got ${percent}`);
  }
  return commitFlagEdit(file, flagKey, (flag) => planRollout(flag, percent, options), options);
}

function planRollout(flag: MigrationFlagText, percent: number, options: SetRolloutOptions): FlagEditDraft {
  const { file, flagKey } = flag;
  if (options.cohort !== undefined && options.cohort.trim() === '') throw new FlagEditError('INVALID_COHORT', 'a cohort needs a name (e.g. --cohort tenants)');
  const place = placementOf(flag);
  const split = place.kind === 'split' ? place.split : undefined;
  const target = resolveStage(flag, options.target ?? canaryOf(flag, split));
  if (target.stage === flag.baseline) throw new FlagEditError('INVALID_TRANSITION', `${flagKey} already serves ${target.stage} by default; name another stage to canary (--to)`);
  const verdict = checkTransition(flag.baseline, target.stage, { stages: flag.stages, rollbackStage: flag.rollbackStage });
  if (!verdict.allowed && !options.force) {
    throw new FlagEditError('INVALID_TRANSITION', `refusing a canary of ${flagKey}: ${verdict.reason}. Use --force (force: true) if you are sure.`);
  }
  const baseline = variantOf(flag.definition, flag.baseline)!;
  const buckets: SplitBucket[] = [
    { variant: target.variant, weight: percent },
    { variant: baseline, weight: 100 - percent },
  ];
  const bucketBy = options.cohort === undefined ? split?.bucketBy : cohortBucketing(options.cohort);
  const rebucketed = split !== undefined && JSON.stringify(split.bucketBy) !== JSON.stringify(bucketBy);
  const after = writeSplitText(flag, place, buckets, bucketBy);
  const warnings = verdict.allowed ? [] : [`forced: ${verdict.reason}`];
  if (rebucketed && split.buckets.some((bucket) => bucket.variant !== baseline && bucket.weight > 0)) {
    warnings.push(`the split is now bucketed by cohort "${options.cohort}": which ids are in the canary changes once`);
  }
  const cohort = cohortOf(bucketBy);
  return {
    file,
    flagKey,
    action: 'rollout',
    from: describeTargeting(flag.definition),
    to: `${target.variant} ${percent} % / ${baseline} ${100 - percent} %`,
    before: flag.text,
    after,
    details: { from: describeTargeting(flag.definition), target: target.stage, baseline: flag.baseline, percent, forced: !verdict.allowed, ...(cohort === undefined ? {} : { cohort }) },
    warnings,
  };
}

/** Where the split goes: the existing one, the final `null` else branch of the rules, or the whole targeting. */
type Placement = { readonly kind: 'new' } | { readonly kind: 'split'; readonly split: Split } | { readonly kind: 'else'; readonly path: JSONPath };

function placementOf(flag: MigrationFlagText): Placement {
  const shape = targetingShape(flag.definition);
  if (shape.kind === 'static') return { kind: 'new' };
  if (shape.kind === 'split') return { kind: 'split', split: shape.split };
  if (shape.splits.length === 1) return { kind: 'split', split: shape.splits[0]! };
  const rules = flag.definition.targeting as Record<string, unknown>;
  const args = rules.if;
  if (shape.splits.length === 0 && Array.isArray(args) && args.length % 2 === 1 && args.at(-1) === null) return { kind: 'else', path: ['if', args.length - 1] };
  const why = shape.splits.length === 0 ? 'rules but no fractional split and no null else branch to put one in' : `${shape.splits.length} fractional splits`;
  throw new FlagEditError('UNSUPPORTED_TARGETING', `${flag.flagKey} has ${why} (${describeTargeting(flag.definition)}); edit the rule by hand or move the whole flag with \`cutover stage\``);
}

function canaryOf(flag: MigrationFlagText, split: Split | undefined): MigrationStage | string {
  const baseline = variantOf(flag.definition, flag.baseline);
  const canary = split?.buckets.find((bucket) => bucket.variant !== baseline)?.variant;
  if (canary !== undefined) return canary;
  const next = nextStage(flag.baseline, flag.stages);
  if (!next) throw new FlagEditError('INVALID_TRANSITION', `${flag.flagKey} is at its last stage (${flag.baseline}); there is nothing to roll out`);
  return next;
}

// Edits the text of the file, not a parsed copy, so the file keeps its formatting and comments.
function writeSplitText(flag: MigrationFlagText, place: Placement, buckets: readonly SplitBucket[], bucketBy: unknown): string {
  const targeting: JSONPath = ['flags', flag.flagKey, 'targeting'];
  if (place.kind === 'new') {
    // `targeting: {}` or null counts as none: replace it whole.
    const placement = hasTargeting(flag.definition.targeting) ? {} : { after: 'defaultVariant' };
    return editJsonText(flag.text, targeting, writeSplit(flag.definition.targeting, undefined, buckets, { bucketBy }), placement);
  }
  if (place.kind === 'else') return editJsonText(flag.text, [...targeting, ...place.path], { fractional: fractionalArgs(buckets, bucketBy) });
  const { split } = place;
  const at = [...targeting, ...split.path];
  if (split.buckets.length !== buckets.length || JSON.stringify(split.bucketBy) !== JSON.stringify(bucketBy)) return editJsonText(flag.text, at, fractionalArgs(buckets, bucketBy));
  // Same number of buckets: change only the names and weights, so the rest of the line stays as written.
  let text = flag.text;
  buckets.forEach(({ variant, weight }, i) => {
    if (split.buckets[i]!.variant !== variant) text = editJsonText(text, [...at, bucketIndex(split, i), 0], variant);
    if (split.buckets[i]!.weight !== weight) text = editJsonText(text, [...at, bucketIndex(split, i), 1], weight);
  });
  return text;
}
