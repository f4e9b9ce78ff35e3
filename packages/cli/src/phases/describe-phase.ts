import { stageOf, variantOf } from '@cutover/flag-model';
import { describeTargeting } from '../flag-editing/describe-targeting.js';
import type { PhaseFlag } from './read-phase-flag.js';

/** One member in a phase view: what the phase declares and where the member stands. */
export interface PhaseMemberView {
  readonly flagKey: string;
  readonly declared: string;
  /** Its stage by default, or `missing`. */
  readonly stage: string;
  /** Its targeting in words. */
  readonly serving: string;
  /** Whether its default stage is the one the current phase declares. */
  readonly inStep: boolean;
}

/** Where a set of flags that move together stands. */
export interface PhaseView {
  readonly flagKey: string;
  readonly file: string;
  readonly current: string | undefined;
  readonly phases: readonly string[];
  readonly rollbackPhase: string | undefined;
  readonly members: readonly PhaseMemberView[];
  /** Per phase, the stages it declares, `flag=stage, ...`. */
  readonly declarations: Readonly<Record<string, string>>;
}

/**
 * The phase flag and its members side by side. A member out of step has been
 * moved on its own within the phase (a `cutover stage` or a rollout of its
 * own), which is how a phase's work is done; the next phase move checks its
 * transition from where it stands.
 */
export function describePhase(phaseFlag: PhaseFlag): PhaseView {
  const declared = (phaseFlag.current === undefined ? undefined : phaseFlag.set.stages.get(phaseFlag.current)) ?? new Map<string, string>();
  const members = phaseFlag.set.members.map((flagKey): PhaseMemberView => {
    const definition = phaseFlag.flags.get(flagKey)?.definition;
    const wanted = declared.get(flagKey) ?? '(not declared)';
    if (!definition) return { flagKey, declared: wanted, stage: 'missing', serving: 'in none of the flag files', inStep: false };
    const stage = String(stageOf(definition, definition.defaultVariant) ?? definition.defaultVariant);
    return { flagKey, declared: wanted, stage, serving: describeTargeting(definition), inStep: variantOf(definition, wanted) === definition.defaultVariant };
  });
  const declarations = Object.fromEntries([...phaseFlag.set.stages].map(([phase, stages]) => [phase, [...stages].map(([key, stage]) => `${key}=${stage}`).join(', ')]));
  return { flagKey: phaseFlag.flagKey, file: phaseFlag.file, current: phaseFlag.current, phases: phaseFlag.set.phases, rollbackPhase: phaseFlag.set.rollbackPhase, members, declarations };
}
