import type { FlagDefinition } from '@cutover/provider';
import { ROLLED_BACK } from '@cutover/provider';

/** One rolled-back flag as the overlay records it. */
export interface RollbackEntry {
  readonly flagKey: string;
  readonly variant: string;
  readonly reason: string;
  readonly at: string;
  readonly by: string;
}

/**
 * The overlay entry of a rollback: the flag's variants and metadata from its
 * file, `defaultVariant` set to the rollback variant and no targeting, so
 * everyone gets it, marked `rolledBack` with the reason, time and actor.
 */
export function rollbackEntryFlag(definition: Readonly<FlagDefinition>, entry: RollbackEntry): FlagDefinition {
  return {
    state: 'ENABLED',
    variants: definition.variants,
    defaultVariant: entry.variant,
    metadata: { ...definition.metadata, [ROLLED_BACK]: true, rollbackReason: entry.reason, rolledBackAt: entry.at, rolledBackBy: entry.by },
  };
}

/** The entry an overlay flag records, if it is a rollback. */
export function rollbackEntryOf(flagKey: string, flag: FlagDefinition): RollbackEntry | undefined {
  if (flag.metadata?.[ROLLED_BACK] !== true) return undefined;
  return {
    flagKey,
    variant: String(flag.defaultVariant),
    reason: String(flag.metadata?.rollbackReason ?? ''),
    at: String(flag.metadata?.rolledBackAt ?? ''),
    by: String(flag.metadata?.rolledBackBy ?? ''),
  };
}
