import { readFile } from 'node:fs/promises';
import { isMigrationFlag, isMigrationStage, MIGRATION_STAGES, parseFlagFile } from '@cutover/provider';
import type { FlagDefinition, MigrationStage } from '@cutover/provider';
import { FlagEditError } from './flag-edit-error.js';

/** A migration flag as it stands in its file, with what an edit needs to know. */
export interface MigrationFlagText {
  readonly file: string;
  readonly flagKey: string;
  /** The whole file. */
  readonly text: string;
  readonly definition: FlagDefinition;
  /** The stages the flag has as variants, in rollout order. */
  readonly stages: readonly MigrationStage[];
  /** The stage of `defaultVariant`: what the flag serves outside its targeting. */
  readonly baseline: MigrationStage;
  /** The stage of `metadata.rollbackVariant`. */
  readonly rollbackStage: MigrationStage;
  /** The variant that serves `stage` (a stage name or a variant name), if any. */
  variantOf(stage: string): string | undefined;
}

/** Reads a flag file (which must be valid) and one migration flag in it. */
export async function readMigrationFlag(file: string, flagKey: string): Promise<MigrationFlagText> {
  const text = await readFile(file, 'utf8');
  const set = parseFlagFile(text, file);
  const definition = set.flags.get(flagKey)?.definition;
  if (!definition) throw new FlagEditError('FLAG_NOT_FOUND', `${file}: no flag "${flagKey}"`);
  if (!isMigrationFlag(definition)) throw new FlagEditError('NOT_A_MIGRATION', `${file}: "${flagKey}" is not a migration flag (metadata.kind = "migration")`);
  const variants = definition.variants as Readonly<Record<string, MigrationStage>>;
  const variantOf = (stage: string): string | undefined =>
    Object.hasOwn(variants, stage) ? stage : Object.keys(variants).find((name) => variants[name] === stage);
  const stageOf = (variant: unknown): MigrationStage | undefined => (typeof variant === 'string' ? variants[variant] : undefined);
  const baseline = stageOf(definition.defaultVariant);
  if (!baseline) throw new FlagEditError('UNSUPPORTED_TARGETING', `${file}: "${flagKey}" has no defaultVariant, so it has no stage to move from; set one by hand`);
  const present = new Set(Object.values(variants));
  return {
    file,
    flagKey,
    text,
    definition,
    stages: MIGRATION_STAGES.filter((stage) => present.has(stage)),
    baseline,
    rollbackStage: stageOf(definition.metadata?.rollbackVariant) ?? 'off',
    variantOf,
  };
}

/** Resolves a stage or variant name given on the command line to the flag's variant and its stage. */
export function resolveStage(flag: MigrationFlagText, stage: string): { variant: string; stage: MigrationStage } {
  const variant = flag.variantOf(stage);
  const value = variant === undefined ? undefined : flag.definition.variants[variant];
  if (variant === undefined || !isMigrationStage(value)) {
    throw new FlagEditError('UNKNOWN_STAGE', `"${flag.flagKey}" has no variant for stage "${stage}" (its stages: ${flag.stages.join(', ')})`);
  }
  return { variant, stage: value };
}
