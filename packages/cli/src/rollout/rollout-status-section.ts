import { isRolloutEntry, RolloutOverlay, RolloutStateFile, rolloutView } from '@cutover/rollout';
import type { RolloutView } from '@cutover/rollout';
import type { DriftFinding } from '../status/overlay-drift.js';

/** The rollouts `cutover status` shows, and the drift findings that remain once controller splits are accounted for. */
export interface RolloutStatusSection {
  readonly rollouts: readonly RolloutView[];
  readonly drift: readonly DriftFinding[];
}

/**
 * Reads the controllers' states and drops the `not-rolled-back` drift of
 * overlay entries a controller wrote: a split in the overlay is how a
 * rollout reaches the fleet, not an unrecorded change.
 */
export async function rolloutStatusSection(drift: readonly DriftFinding[], paths: { stateDir: string; overlay: string }): Promise<RolloutStatusSection> {
  const rollouts = (await new RolloutStateFile(paths.stateDir).list()).map((state) => rolloutView(state));
  const overlay = new RolloutOverlay(paths.overlay);
  const kept: DriftFinding[] = [];
  for (const finding of drift) {
    if (finding.kind === 'not-rolled-back' && isRolloutEntry(await overlay.entry(finding.flagKey).catch(() => undefined))) continue;
    kept.push(finding);
  }
  return { rollouts, drift: kept };
}
