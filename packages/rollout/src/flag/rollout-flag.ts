import { readFile } from 'node:fs/promises';
import { findSplits, isMigrationFlag, stageOf, stageRank, variantOf } from '@cutover/flag-model';
import { parseFlagFile } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
import { RolloutError } from '../rollout-error.js';
import { withSplit } from '../overlay/with-split.js';

/** The flag a rollout drives, as git defines it. */
export interface RolloutFlag {
  readonly flagKey: string;
  /** Its definition in git (the later file wins, as in flagd). */
  readonly definition: FlagDefinition;
  /** The variant everyone outside the canary keeps: git's `defaultVariant`. */
  readonly baseline: string;
  /** The canary's variant. */
  readonly target: string;
}

/** Options of {@link readGitDefinitions}. */
export interface ReadGitDefinitionsOptions {
  /**
   * Called for a file that cannot be read or parsed, which is then skipped:
   * a broken edit of an unrelated file must not stop a rollout. Without it
   * such a file rejects the read.
   */
  readonly onUnreadable?: (file: string, error: Error) => void;
}

/** The merged definitions of the flag files in git, in flagd order (overlay excluded). */
export async function readGitDefinitions(files: readonly string[], options: ReadGitDefinitionsOptions = {}): Promise<Map<string, FlagDefinition>> {
  const merged = new Map<string, FlagDefinition>();
  for (const file of files) {
    let flags: ReturnType<typeof parseFlagFile>['flags'];
    try {
      flags = parseFlagFile(await readFile(file, 'utf8'), file).flags;
    } catch (error) {
      if (!options.onUnreadable) throw error;
      options.onUnreadable(file, error as Error);
      continue;
    }
    for (const [key, flag] of flags) merged.set(key, flag.definition);
  }
  return merged;
}

/**
 * Finds the flag, its baseline and its target: `target` as a variant name or a
 * stage, else the canary of the flag's split, else the stage after the
 * baseline's. The target must be a later stage than the baseline (moving back
 * is a rollback, not a rollout), and the targeting must take a split.
 *
 * @throws RolloutError `FLAG_NOT_ROLLABLE` naming what is missing
 */
export function resolveRolloutFlag(definitions: ReadonlyMap<string, FlagDefinition>, flagKey: string, target?: string): RolloutFlag {
  const refuse = (message: string): never => {
    throw new RolloutError('FLAG_NOT_ROLLABLE', `flag "${flagKey}": ${message}`);
  };
  const definition = definitions.get(flagKey) ?? refuse('is in none of the flag files');
  if (!isMigrationFlag(definition)) refuse('is not a migration flag (metadata.kind = "migration")');
  const baseline = typeof definition.defaultVariant === 'string' ? definition.defaultVariant : refuse('has no defaultVariant to keep as the baseline');
  const stageIndex = (variant: string): number => {
    const stage = stageOf(definition, variant);
    return stage === undefined ? -1 : stageRank(stage);
  };
  // The first bucket of the first split, as `cutover rollout` writes it: the canary.
  const first = findSplits(definition.targeting)[0]?.buckets[0]?.variant;
  const canary = first !== baseline ? first : undefined;
  const next = Object.keys(definition.variants)
    .filter((v) => stageIndex(v) > stageIndex(baseline))
    .sort((a, b) => stageIndex(a) - stageIndex(b))[0];
  const chosen = target !== undefined ? (variantOf(definition, target) ?? refuse(`has no variant or stage "${target}"`)) : (canary ?? next ?? refuse(`has no stage after "${baseline}" to roll out`));
  if (stageIndex(chosen) <= stageIndex(baseline)) refuse(`"${chosen}" is not a later stage than the baseline "${baseline}"; going back is a rollback`);
  try {
    withSplit(definition.targeting, { target: chosen, baseline, percent: 0 });
  } catch (error) {
    refuse((error as Error).message);
  }
  return { flagKey, definition, baseline, target: chosen };
}
