import { isMigrationFlag, isPhaseFlag, MIGRATION_METADATA, PHASE_METADATA, readPhaseSet, variantOf } from '@cutover/flag-model';
import { ROLLED_BACK } from '@cutover/provider';
import type { FlagDefinition } from '@cutover/provider';

/** A disagreement between the flag files in git and the rollback overlay. */
export interface DriftFinding {
  readonly flagKey: string;
  readonly kind: 'orphaned' | 'not-a-migration' | 'variants-differ' | 'rollback-variant-differs' | 'not-rolled-back';
  readonly message: string;
}

/**
 * Compares each overlay entry with the flag in git. An overlay entry is a copy
 * of the flag taken when it was rolled back, so it drifts when git changes
 * afterwards: the flag was deleted or renamed (the entry serves a flag nobody
 * defines), its variants changed (the entry serves the old set), its
 * `rollbackVariant` changed (the entry serves the old one), or something wrote
 * an overlay entry that is not a rollback. A phase flag rolled back serves its
 * `rollbackPhase`, and its members the stage that phase declares.
 */
export function overlayDrift(git: ReadonlyMap<string, FlagDefinition>, overlay: Readonly<Record<string, FlagDefinition>>): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const byPhase = phaseRollbackVariants(git);
  for (const [flagKey, entry] of Object.entries(overlay)) {
    const found = (kind: DriftFinding['kind'], message: string) => findings.push({ flagKey, kind, message });
    const flag = git.get(flagKey);
    if (entry.metadata?.[ROLLED_BACK] !== true) {
      found('not-rolled-back', 'overlay entry without metadata.rolledBack: true; it overrides git for everyone, yet no rollback is recorded');
    }
    if (!flag) {
      found('orphaned', 'rolled back in the overlay but defined in no flag file: clear it (cutover rollback --clear)');
      continue;
    }
    if (!isMigrationFlag(flag) && !isPhaseFlag(flag)) found('not-a-migration', 'rolled back in the overlay but no longer a migration flag in git');
    const gitVariants = JSON.stringify(sorted(flag.variants));
    if (JSON.stringify(sorted(entry.variants)) !== gitVariants) {
      found('variants-differ', `overlay variants ${Object.keys(entry.variants).join(', ')} differ from git's ${Object.keys(flag.variants).join(', ')}`);
    }
    const rollbackVariant = flag.metadata?.[isPhaseFlag(flag) ? PHASE_METADATA.rollbackPhase : MIGRATION_METADATA.rollbackVariant];
    if (rollbackVariant !== undefined && entry.defaultVariant !== rollbackVariant && !byPhase.get(flagKey)?.has(String(entry.defaultVariant))) {
      found('rollback-variant-differs', `overlay serves "${String(entry.defaultVariant)}", git's rollbackVariant is now "${String(rollbackVariant)}"`);
    }
  }
  return findings;
}

// The variants a phase rollback serves each member: the stage its phase flag's rollback phase declares.
function phaseRollbackVariants(git: ReadonlyMap<string, FlagDefinition>): Map<string, Set<string>> {
  const variants = new Map<string, Set<string>>();
  for (const flag of git.values()) {
    if (!isPhaseFlag(flag)) continue;
    const set = readPhaseSet(flag);
    for (const [member, stage] of set.stages.get(set.rollbackPhase ?? '') ?? []) {
      const definition = git.get(member);
      const variant = definition && variantOf(definition, stage);
      if (variant !== undefined) variants.set(member, new Set([...(variants.get(member) ?? []), variant]));
    }
  }
  return variants;
}

function sorted(record: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
