import { MIGRATION_STAGES, stageRank } from './migration-stage.js';
import type { MigrationStage } from './migration-stage.js';

/** Whether a stage change may be made without `--force`, and why. */
export interface TransitionVerdict {
  readonly allowed: boolean;
  /** Why it is allowed or refused, in words an operator can act on. */
  readonly reason: string;
}

/** What a transition is checked against: the flag's stages and its rollback stage. */
export interface TransitionContext {
  /** The stages the flag has as variants; a stage it lacks is not a step. @default every stage */
  readonly stages?: readonly MigrationStage[];
  /** The stage the flag's rollback variant serves. @default "off" */
  readonly rollbackStage?: MigrationStage;
}

/** The stage after `stage` among `stages` (rollout order), or undefined at the end. */
export function nextStage(stage: MigrationStage, stages: readonly MigrationStage[] = MIGRATION_STAGES): MigrationStage | undefined {
  return MIGRATION_STAGES.find((candidate) => stageRank(candidate) > stageRank(stage) && stages.includes(candidate));
}

/**
 * The state machine of a migration flag. Allowed without force:
 * - one step forward among the flag's own stages (a flag without `dualwrite`
 *   goes from `off` straight to `shadow`);
 * - back to the rollback stage, from any stage but `complete`;
 * - any step back before `complete`: legacy still receives every write up to
 *   `rampdown`, so its data is current and it can serve again;
 * - from `complete` back to `rampdown` only: legacy has received no writes since,
 *   so any stage that reads legacy would serve stale data.
 * Everything else (skipping stages forward, leaving `complete` for a stage that
 * reads legacy) needs force.
 */
export function checkTransition(from: MigrationStage, to: MigrationStage, context: TransitionContext = {}): TransitionVerdict {
  const stages = context.stages ?? MIGRATION_STAGES;
  const rollbackStage = context.rollbackStage ?? 'off';
  if (from === to) return { allowed: true, reason: `already ${to}` };
  if (from === 'complete') {
    return to === 'rampdown'
      ? { allowed: true, reason: 'complete → rampdown resumes writes to legacy; reads stay on the candidate' }
      : { allowed: false, reason: `complete → ${to}: legacy has received no writes since the flag reached complete, so ${to} would serve or compare stale legacy data; go to rampdown, or re-sync legacy first` };
  }
  if (to === rollbackStage) return { allowed: true, reason: `${from} → ${to} is the flag's rollback stage` };
  if (stageRank(to) < stageRank(from)) return { allowed: true, reason: `${from} → ${to} steps back; legacy still receives every write` };
  const next = nextStage(from, stages);
  if (to === next) return { allowed: true, reason: `${from} → ${to} is the next stage` };
  const skipped = stages.filter((stage) => stageRank(stage) > stageRank(from) && stageRank(stage) < stageRank(to));
  return {
    allowed: false,
    reason: `${from} → ${to} skips ${skipped.join(', ')}: ${skipped.map((stage) => SKIPPED[stage]).join('; ')}; the next stage is ${next ?? 'none'}`,
  };
}

// What is lost when a stage is skipped, for the refusal message.
const SKIPPED: Record<MigrationStage, string> = {
  off: '',
  dualwrite: "the candidate's writes would never have been proven beside legacy's (dualwrite)",
  shadow: "the candidate's results would never have been compared with legacy's (shadow)",
  live: 'the candidate would never have served callers while legacy was still compared (live)',
  rampdown: 'legacy would stop receiving writes at once, with no rampdown to fall back to',
  complete: '',
};
