import { readFile } from 'node:fs/promises';
import { dependenciesOf, holdsBackDependents, rollbackVariantOf, stageOf, variantOf } from '@cutover/flag-model';
import { commitFileEdit } from '../flag-editing/commit-flag-edit.js';
import type { FlagEditDraft } from '../flag-editing/commit-flag-edit.js';
import { editJsonText } from '../flag-editing/edit-json-text.js';
import { FlagEditError } from '../flag-editing/flag-edit-error.js';
import { parseMigrationFlag } from '../flag-editing/read-migration-flag.js';
import { planStage } from '../flag-editing/set-stage.js';
import type { PhaseFlag } from './read-phase-flag.js';
import { readPhaseFlag } from './read-phase-flag.js';

/** Options of {@link movePhase}. */
export interface MovePhaseOptions {
  /** Make member transitions (and dependency holds) the checks refuse, recorded as forced. @default false */
  readonly force?: boolean;
  /** Erase members' targeting rules, as `cutover stage --replace-targeting`. @default false */
  readonly replaceTargeting?: boolean;
  /** Compute the edits and their diffs, write nothing. @default false */
  readonly dryRun?: boolean;
}

/** One member flag's part of a phase move. */
export interface PhaseMemberMove {
  readonly flagKey: string;
  /** The member's stage before and after. */
  readonly from: string;
  readonly to: string;
  /** The member's own edit (as `cutover stage` makes it); absent when it already stands at its stage. */
  readonly edit?: FlagEditDraft;
}

/** The outcome of a phase move: the phase flag, the members, and each file written. */
export interface PhaseMove {
  readonly flagKey: string;
  readonly from: string | undefined;
  readonly to: string;
  readonly members: readonly PhaseMemberMove[];
  readonly files: readonly { readonly file: string; readonly diff: string; readonly written: boolean }[];
  readonly warnings: readonly string[];
  /** Whether any transition or dependency hold was forced. */
  readonly forced: boolean;
}

/**
 * Moves a phase flag to `phase`: each member flag to the stage the phase
 * declares for it, with `cutover stage`'s checks (the state machine from the
 * member's current stage, its targeting rules kept), and refuses a member
 * the phase would leave held back by a `dependsOn` flag at `off`. Every
 * refusal is collected and named before anything is written; then each file
 * is edited once, under its lock, the phase flag's `defaultVariant` last.
 *
 * @throws FlagEditError `INVALID_PHASE` (unknown phase, bad definition) or `PHASE_REFUSED` naming every refused member
 */
export async function movePhase(files: readonly string[], flagKey: string, phase: string, options: MovePhaseOptions = {}): Promise<PhaseMove> {
  const phaseFlag = await readPhaseFlag(files, flagKey);
  const declared = phaseFlag.set.stages.get(phase);
  if (!declared) throw new FlagEditError('INVALID_PHASE', `"${flagKey}" has no phase "${phase}" (its phases: ${phaseFlag.set.phases.join(', ')})`);
  const texts = new Map<string, string>();
  for (const member of declared.keys()) {
    const file = phaseFlag.flags.get(member)?.file;
    if (file !== undefined && !texts.has(file)) texts.set(file, await readFile(file, 'utf8'));
  }
  const plans = planMembers(phaseFlag, declared, texts, options);
  const byFile = new Map<string, string[]>();
  for (const member of plans.filter((plan) => plan.edit)) byFile.set(member.edit!.file, [...(byFile.get(member.edit!.file) ?? []), member.flagKey]);
  if (phaseFlag.current !== phase && !byFile.has(phaseFlag.file)) byFile.set(phaseFlag.file, []);
  // The phase flag's file last, so its phase never names stages its members have not reached.
  const order = [...byFile.keys()].sort((a, b) => Number(a === phaseFlag.file) - Number(b === phaseFlag.file));
  const written: PhaseMove['files'][number][] = [];
  const members = new Map(plans.map((plan) => [plan.flagKey, plan]));
  for (const file of order) {
    const result = await commitFileEdit(file, (text) => planFile(file, text, byFile.get(file)!, declared, file === phaseFlag.file ? { flagKey, phase } : undefined, options, members), options);
    written.push({ file, diff: result.diff, written: result.written });
  }
  const moved = [...members.values()];
  const warnings = [...phaseFlag.unreadable.map((u) => `skipped ${u.file}, which cannot be read: ${u.error}`), ...moved.flatMap((plan) => (plan.edit?.warnings ?? []).map((w) => `${plan.flagKey}: ${w}`))];
  const forced = moved.some((plan) => plan.edit?.details.forced === true || plan.heldBack !== undefined);
  return { flagKey, from: phaseFlag.current, to: phase, members: moved.map(({ heldBack: _, ...member }) => member), files: written, warnings, forced };
}

type MemberPlan = PhaseMemberMove & { readonly heldBack?: string };

function planMembers(phaseFlag: PhaseFlag, declared: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string>, options: MovePhaseOptions): MemberPlan[] {
  const refusals: string[] = [];
  const plans: MemberPlan[] = [];
  for (const [member, stage] of declared) {
    const located = phaseFlag.flags.get(member);
    if (!located) {
      refusals.push(`${member}: in none of the flag files`);
      continue;
    }
    const variant = variantOf(located.definition, stage);
    const from = String(stageOf(located.definition, located.definition.defaultVariant) ?? located.definition.defaultVariant);
    const to = String(stageOf(located.definition, variant) ?? stage);
    if (variant !== undefined && variant === located.definition.defaultVariant) {
      plans.push({ flagKey: member, from, to });
      continue;
    }
    try {
      // Planned on the file as read now, for the checks; the write plans it again under the file's lock.
      plans.push({ flagKey: member, from, to, edit: planStage(parseMigrationFlag(texts.get(located.file)!, located.file, member), stage, options) });
    } catch (error) {
      if (!(error instanceof FlagEditError)) throw error;
      refusals.push(`${member}: ${error.message}`);
    }
  }
  for (const plan of plans) {
    const hold = heldBackBy(phaseFlag, declared, plan);
    if (hold && !options.force) refusals.push(`${plan.flagKey}: ${hold}. Use --force (force: true) if you are sure.`);
    if (hold) Object.assign(plan, { heldBack: hold });
  }
  if (refusals.length > 0) throw new FlagEditError('PHASE_REFUSED', `refusing phase move of ${phaseFlag.flagKey}: ${refusals.join('; ')}`);
  return plans;
}

// A member moved ahead of its rollback stage while a flag it depends on serves off would be held back at its rollback variant.
function heldBackBy(phaseFlag: PhaseFlag, declared: ReadonlyMap<string, string>, plan: MemberPlan): string | undefined {
  const member = phaseFlag.flags.get(plan.flagKey)!.definition;
  if (variantOf(member, plan.to) === rollbackVariantOf(member)) return undefined;
  for (const dependency of dependenciesOf(member)) {
    const located = phaseFlag.flags.get(dependency);
    if (!located) continue;
    const { definition } = located;
    const variant = declared.has(dependency) ? variantOf(definition, declared.get(dependency)!) : definition.defaultVariant;
    const value = typeof variant === 'string' ? definition.variants[variant] : undefined;
    if (holdsBackDependents(value)) return `it dependsOn ${dependency}, which would serve ${String(value)}: it would be held back at its rollback variant`;
  }
  return undefined;
}

function planFile(
  file: string,
  text: string,
  flagKeys: readonly string[],
  declared: ReadonlyMap<string, string>,
  phaseEdit: { flagKey: string; phase: string } | undefined,
  options: MovePhaseOptions,
  members: Map<string, MemberPlan>,
): { file: string; before: string; after: string } {
  let after = text;
  for (const flagKey of flagKeys) {
    const edit = planStage(parseMigrationFlag(after, file, flagKey), declared.get(flagKey)!, options);
    members.set(flagKey, { ...members.get(flagKey)!, edit: { ...edit, before: text } });
    after = edit.after;
  }
  if (phaseEdit) after = editJsonText(after, ['flags', phaseEdit.flagKey, 'defaultVariant'], phaseEdit.phase);
  return { file, before: text, after };
}
