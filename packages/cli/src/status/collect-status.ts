import { readFile } from 'node:fs/promises';
import { groupOf, isMigrationFlag, isPhaseFlag, MIGRATION_METADATA, readPhaseSet, stageOf } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import { parseFlagFile, ROLLED_BACK } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
import { OverlayFile } from '@cutover/rollback';
import { describeTargeting, targetingShape } from '../flag-editing/describe-targeting.js';
import type { TargetingShape } from '../flag-editing/describe-targeting.js';
import { describePhase } from '../phases/describe-phase.js';
import type { PhaseView } from '../phases/describe-phase.js';
import { overlayDrift } from './overlay-drift.js';
import type { DriftFinding } from './overlay-drift.js';

/** One migration flag as `cutover status` shows it. */
export interface MigrationStatus {
  readonly flagKey: string;
  readonly file: string;
  /** The stage of `defaultVariant`: what everyone outside targeting gets. */
  readonly stage: MigrationStage | null;
  /** `static`, `split` or `rules`. */
  readonly kind: TargetingShape['kind'];
  /** The targeting in words: `live`, `split live 25 % / shadow 75 %`, `rules (...)`. */
  readonly targeting: string;
  readonly group?: string;
  readonly dependsOn?: string;
  /** The rollback in force, from the overlay. */
  readonly rollback?: { readonly variant: string; readonly reason: string; readonly at: string; readonly by: string };
}

/** One phase flag as `cutover status` shows it: its phase and whether each member stands where the phase declares. */
export type PhaseStatus = PhaseView & {
  /** What makes the phase flag unusable (`metadata.phases` and friends), if anything. */
  readonly problems: readonly string[];
};

/** What `cutover status` reports. */
export interface StatusReport {
  readonly files: readonly string[];
  readonly overlay: string;
  readonly migrations: readonly MigrationStatus[];
  /** The phase flags (`metadata.kind = "phase"`) and their members. */
  readonly phases: readonly PhaseStatus[];
  readonly drift: readonly DriftFinding[];
  /** Files that could not be read: their flags are missing from the report. */
  readonly invalid: readonly { readonly file: string; readonly message: string }[];
}

/** Reads the flag files (in flagd order) and the overlay and puts them side by side. */
export async function collectStatus(files: readonly string[], overlay: string): Promise<StatusReport> {
  const invalid: { file: string; message: string }[] = [];
  const git = new Map<string, { flag: FlagDefinition; file: string }>();
  for (const file of files) {
    try {
      // Schema deviations are warnings, which status does not show: no need to load the validator.
      for (const [key, compiled] of parseFlagFile(await readFile(file, 'utf8'), file, { schemaWarnings: false }).flags) git.set(key, { flag: compiled.definition, file });
    } catch (error) {
      invalid.push({ file, message: (error as Error).message });
    }
  }
  const overlayFlags = await readOverlay(overlay, invalid);
  const migrations = [...git]
    .filter(([, { flag }]) => isMigrationFlag(flag))
    .map(([flagKey, { flag, file }]) => migrationStatus(flagKey, flag, file, overlayFlags[flagKey]));
  const located = new Map([...git].map(([key, { flag, file }]) => [key, { file, definition: flag }]));
  const phases = [...git].filter(([, { flag }]) => isPhaseFlag(flag)).map(([flagKey, { flag, file }]): PhaseStatus => {
    const set = readPhaseSet(flag);
    const current = typeof flag.defaultVariant === 'string' ? flag.defaultVariant : undefined;
    const problems = set.problems.map((problem) => `${problem.reason} (metadata.${problem.key})`);
    return { ...describePhase({ flagKey, file, definition: flag, set, current, flags: located, unreadable: [] }), problems };
  });
  const drift = overlayDrift(new Map([...git].map(([key, { flag }]) => [key, flag])), overlayFlags);
  return { files, overlay, migrations, phases, drift, invalid };
}

function migrationStatus(flagKey: string, flag: FlagDefinition, file: string, entry: FlagDefinition | undefined): MigrationStatus {
  const stage = stageOf(flag, flag.defaultVariant) ?? null;
  const group = groupOf(flag);
  const dependsOn = flag.metadata?.[MIGRATION_METADATA.dependsOn];
  const rolledBack = entry?.metadata?.[ROLLED_BACK] === true ? entry : undefined;
  return {
    flagKey,
    file,
    stage,
    kind: targetingShape(flag).kind,
    targeting: describeTargeting(flag),
    ...(group !== undefined ? { group } : {}),
    ...(typeof dependsOn === 'string' ? { dependsOn } : {}),
    ...(rolledBack
      ? {
          rollback: {
            variant: String(rolledBack.defaultVariant),
            reason: String(rolledBack.metadata?.rollbackReason ?? ''),
            at: String(rolledBack.metadata?.rolledBackAt ?? ''),
            by: String(rolledBack.metadata?.rolledBackBy ?? ''),
          },
        }
      : {}),
  };
}

async function readOverlay(path: string, invalid: { file: string; message: string }[]): Promise<Record<string, FlagDefinition>> {
  try {
    return (await new OverlayFile(path).read()).flags;
  } catch (error) {
    invalid.push({ file: path, message: (error as Error).message });
    return {};
  }
}
