import { readFile } from 'node:fs/promises';
import { groupOf, isMigrationFlag, MIGRATION_METADATA, stageOf } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import { parseFlagFile, ROLLED_BACK } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
import { OverlayFile } from '@cutover/rollback';
import { describeTargeting, targetingShape } from '../flag-editing/describe-targeting.js';
import type { TargetingShape } from '../flag-editing/describe-targeting.js';
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

/** What `cutover status` reports. */
export interface StatusReport {
  readonly files: readonly string[];
  readonly overlay: string;
  readonly migrations: readonly MigrationStatus[];
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
  const drift = overlayDrift(new Map([...git].map(([key, { flag }]) => [key, flag])), overlayFlags);
  return { files, overlay, migrations, drift, invalid };
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
