import { groupOf } from '@cutover/flag-model';
import { phaseFlagsOf, phaseScopeKey } from './phase-scope.js';
import type { FlagLookup } from './phase-scope.js';
import type { RollbackScope } from './rollback-scope.js';

/**
 * Whether a flag is in `scope`: every flag for `all`, the key for a flag, its
 * `metadata.group` for a group, the phase flag and its members for a phase (a
 * flag scope naming a phase flag is its phase). The one place a scope is
 * matched, for rolling back and for clearing; `lookup` finds definitions.
 */
export function inRollbackScope(scope: RollbackScope, flagKey: string, lookup: FlagLookup): boolean {
  if ('all' in scope) return true;
  const phase = phaseScopeKey(scope, lookup);
  if (phase !== undefined) return phaseFlagsOf(phase, lookup).includes(flagKey);
  if ('flag' in scope) return flagKey === scope.flag;
  const definition = lookup(flagKey);
  return 'group' in scope && definition !== undefined && groupOf(definition) === scope.group;
}
