import type { MigrationStage } from './migration-stage.js';

/** Which implementation a stage runs for an operation: the one whose outcome the caller gets, and the other one if it also runs. */
export interface StagePlan {
  readonly authoritative: 'legacy' | 'candidate';
  /** The non-authoritative path, when the stage runs both. */
  readonly other?: 'legacy' | 'candidate';
}

const LEGACY: StagePlan = { authoritative: 'legacy' };
const CANDIDATE: StagePlan = { authoritative: 'candidate' };

/** Reads per stage: shadow compares with legacy returned, live compares with the candidate returned. */
export const READ_PLAN: Readonly<Record<MigrationStage, StagePlan>> = {
  off: LEGACY,
  dualwrite: LEGACY,
  shadow: { authoritative: 'legacy', other: 'candidate' },
  live: { authoritative: 'candidate', other: 'legacy' },
  rampdown: CANDIDATE,
  complete: CANDIDATE,
};

/** Writes per stage: both from dualwrite to rampdown, the authoritative side first. */
export const WRITE_PLAN: Readonly<Record<MigrationStage, StagePlan>> = {
  off: LEGACY,
  dualwrite: { authoritative: 'legacy', other: 'candidate' },
  shadow: { authoritative: 'legacy', other: 'candidate' },
  live: { authoritative: 'candidate', other: 'legacy' },
  rampdown: { authoritative: 'candidate', other: 'legacy' },
  complete: CANDIDATE,
};
