import { isMigrationFlag, rollbackVariantOf, stageOf, stagesOf, variantOf } from '@cutover/flag-model';
import type { MigrationStage } from '@cutover/flag-model';
import { parseFlagFile } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';
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
}

/** One migration flag in the text of a flag file (which must be valid). */
export function parseMigrationFlag(text: string, file: string, flagKey: string): MigrationFlagText {
  const set = parseFlagFile(text, file);
  const definition = set.flags.get(flagKey)?.definition;
  if (!definition) throw new FlagEditError('FLAG_NOT_FOUND', `${file}: no flag "${flagKey}"`);
  if (!isMigrationFlag(definition)) throw new FlagEditError('NOT_A_MIGRATION', `${file}: "${flagKey}" is not a migration flag (metadata.kind = "migration")`);
  const baseline = stageOf(definition, definition.defaultVariant);
  if (!baseline) throw new FlagEditError('UNSUPPORTED_TARGETING', `${file}: "${flagKey}" has no defaultVariant, so it has no stage to move from; set one by hand`);
  return {
    file,
    flagKey,
    text,
    definition,
    stages: stagesOf(definition),
    baseline,
    rollbackStage: stageOf(definition, rollbackVariantOf(definition)) ?? 'off',
  };
}

/** Resolves a stage or variant name given on the command line to the flag's variant and its stage. */
export function resolveStage(flag: MigrationFlagText, stage: string): { variant: string; stage: MigrationStage } {
  const variant = variantOf(flag.definition, stage);
  const value = stageOf(flag.definition, variant);
  if (variant === undefined || value === undefined) {
    throw new FlagEditError('UNKNOWN_STAGE', `"${flag.flagKey}" has no variant for stage "${stage}" (its stages: ${flag.stages.join(', ')})`);
  }
  return { variant, stage: value };
}
