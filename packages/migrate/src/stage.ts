/**
 * The stages of a migration flag, in rollout order (see the stage table in the
 * mission brief). The runner stays free of the provider, so the list is written
 * here too; stage.spec.ts holds it equal to `MIGRATION_STAGES`, which flag
 * files are validated against.
 */
export const STAGES = ['off', 'dualwrite', 'shadow', 'live', 'rampdown', 'complete'] as const;

/** One stage of a migration flag; the flag's string variants are stages. */
export type Stage = (typeof STAGES)[number];

/** Which implementation a stage runs for an operation: the one whose outcome the caller gets, and the other one if it also runs. */
export interface StagePlan {
  readonly authoritative: 'legacy' | 'candidate';
  /** The non-authoritative path, when the stage runs both. */
  readonly other?: 'legacy' | 'candidate';
}

const known = new Set<string>(STAGES);

/** True when `value` names a stage; anything else must be treated as `off`. */
export function isStage(value: string): value is Stage {
  return known.has(value);
}

const LEGACY: StagePlan = { authoritative: 'legacy' };
const CANDIDATE: StagePlan = { authoritative: 'candidate' };

/** Reads per stage: shadow compares with legacy returned, live compares with the candidate returned. */
export const READ_PLAN: Readonly<Record<Stage, StagePlan>> = {
  off: LEGACY,
  dualwrite: LEGACY,
  shadow: { authoritative: 'legacy', other: 'candidate' },
  live: { authoritative: 'candidate', other: 'legacy' },
  rampdown: CANDIDATE,
  complete: CANDIDATE,
};

/** Writes per stage: both from dualwrite to rampdown, the authoritative side first. */
export const WRITE_PLAN: Readonly<Record<Stage, StagePlan>> = {
  off: LEGACY,
  dualwrite: { authoritative: 'legacy', other: 'candidate' },
  shadow: { authoritative: 'legacy', other: 'candidate' },
  live: { authoritative: 'candidate', other: 'legacy' },
  rampdown: { authoritative: 'candidate', other: 'legacy' },
  complete: CANDIDATE,
};
