import type { FlagDefinition, MetadataValue } from '@cutover/provider';
import type { RolloutSplit } from './with-split.js';
import { withSplit } from './with-split.js';

/** Metadata keys of a controller's overlay entry. */
export const ROLLOUT_METADATA = Object.freeze({
  by: 'rolloutBy',
  runId: 'rolloutRunId',
  step: 'rolloutStep',
  percent: 'rolloutPercent',
  startedAt: 'rolloutStartedAt',
});

/** Who wrote a controller entry (`metadata.rolloutBy`). */
export const ROLLOUT_CONTROLLER = 'controller';

/** Where in its plan the entry was written. */
export interface RolloutEntryMark {
  readonly runId: string;
  /** Index of the step in the plan, or -1 for a graceful rollback's decrement. */
  readonly step: number;
  readonly startedAt: string;
}

/**
 * The overlay entry for one step: the flag's definition from git (variants,
 * default, rules, metadata) with the split set, marked as the controller's.
 * Never `rolledBack`: the provider and flagd serve it as an ordinary flag,
 * the last file winning.
 */
export function rolloutEntry(git: FlagDefinition, split: RolloutSplit, mark: RolloutEntryMark): FlagDefinition {
  const metadata: Record<string, MetadataValue> = {
    ...git.metadata,
    [ROLLOUT_METADATA.by]: ROLLOUT_CONTROLLER,
    [ROLLOUT_METADATA.runId]: mark.runId,
    [ROLLOUT_METADATA.step]: mark.step,
    [ROLLOUT_METADATA.percent]: split.percent,
    [ROLLOUT_METADATA.startedAt]: mark.startedAt,
  };
  return { state: 'ENABLED', variants: git.variants, defaultVariant: git.defaultVariant ?? null, targeting: withSplit(git.targeting, split), metadata };
}

/** True when an overlay entry was written by a rollout controller. */
export function isRolloutEntry(entry: FlagDefinition | undefined): boolean {
  return entry?.metadata?.[ROLLOUT_METADATA.by] === ROLLOUT_CONTROLLER;
}
