import type { FlagDefinitionLike } from './flag-definition-like.js';
import { MIGRATION_METADATA } from './migration-metadata.js';

/** The value of `metadata.kind` that makes a flag a phase flag: its variants are phases of several migration flags. */
export const PHASE_KIND = 'phase';

/** The `metadata` keys of a phase flag. */
export const PHASE_METADATA = Object.freeze({
  /** The phase a rollback of the phase flag returns to, e.g. `legacy`. */
  rollbackPhase: 'rollbackPhase',
  /** `phase.<variant>`: the stage of each member flag in that phase, `flag=stage` separated by commas. */
  prefix: 'phase.',
} as const);

/** One thing wrong with a phase flag's definition, at the metadata key (or `variants`) it concerns. */
export interface PhaseProblem {
  readonly key: string;
  readonly reason: string;
}

/** What a phase flag declares: its phases in order, the member flags, and the stage of each member in each phase. */
export interface PhaseSet {
  /** The phase flag's variants, in the order the file lists them. */
  readonly phases: readonly string[];
  /** The member flags, in the order the phases first name them. */
  readonly members: readonly string[];
  /** Per phase, the stage (or variant name) of each member it names. */
  readonly stages: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** `metadata.rollbackPhase`, when it names a phase. */
  readonly rollbackPhase?: string;
  readonly problems: readonly PhaseProblem[];
}

/** Whether a flag declares itself a phase flag (`metadata.kind = "phase"`). */
export function isPhaseFlag(flag: Pick<FlagDefinitionLike, 'metadata'>): boolean {
  return flag.metadata?.[MIGRATION_METADATA.kind] === PHASE_KIND;
}

/**
 * Reads a phase flag. Metadata holds only strings, numbers and booleans in
 * flagd, so each phase is one string, `phase.phase2: "planner=live,
 * bundler=shadow"`, which flagd serves unchanged. Every phase must name every
 * member, so a move to any phase sets each one; what is missing or malformed
 * is a problem, never a guess.
 */
export function readPhaseSet(flag: Pick<FlagDefinitionLike, 'variants' | 'metadata'>): PhaseSet {
  const metadata = flag.metadata ?? {};
  const phases = Object.keys(flag.variants);
  const problems: PhaseProblem[] = [];
  const stages = new Map<string, Map<string, string>>();
  const members: string[] = [];
  for (const phase of phases) {
    const key = `${PHASE_METADATA.prefix}${phase}`;
    const raw = metadata[key];
    if (typeof raw !== 'string') {
      problems.push({ key, reason: `phase "${phase}" declares no stages: add metadata "${key}": "<flag>=<stage>, ..."` });
      continue;
    }
    const declared = new Map<string, string>();
    for (const pair of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
      const match = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(pair);
      if (!match) problems.push({ key, reason: `"${pair}" is not <flag>=<stage>` });
      else if (declared.has(match[1]!)) problems.push({ key, reason: `phase "${phase}" names ${match[1]} twice` });
      else declared.set(match[1]!, match[2]!);
    }
    for (const member of declared.keys()) if (!members.includes(member)) members.push(member);
    stages.set(phase, declared);
  }
  for (const [phase, declared] of stages) {
    const missing = members.filter((member) => !declared.has(member));
    if (missing.length > 0) problems.push({ key: `${PHASE_METADATA.prefix}${phase}`, reason: `phase "${phase}" does not say the stage of ${missing.join(', ')}` });
  }
  for (const key of Object.keys(metadata)) {
    if (key.startsWith(PHASE_METADATA.prefix) && !phases.includes(key.slice(PHASE_METADATA.prefix.length))) {
      problems.push({ key, reason: `"${key}" is the stages of no phase: the flag has no variant "${key.slice(PHASE_METADATA.prefix.length)}"` });
    }
  }
  const rollback = metadata[PHASE_METADATA.rollbackPhase];
  if (rollback === undefined) problems.push({ key: PHASE_METADATA.rollbackPhase, reason: 'a phase flag needs metadata.rollbackPhase, the phase a rollback returns to' });
  else if (typeof rollback !== 'string' || !phases.includes(rollback)) problems.push({ key: PHASE_METADATA.rollbackPhase, reason: `rollbackPhase ${JSON.stringify(rollback)} is not one of the phases (${phases.join(', ')})` });
  const rollbackPhase = typeof rollback === 'string' && phases.includes(rollback) ? rollback : undefined;
  return { phases, members, stages, ...(rollbackPhase === undefined ? {} : { rollbackPhase }), problems };
}
