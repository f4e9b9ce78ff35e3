import { groupOf } from '@cutover/flag-model';
import type { FlagDefinition } from '@cutover/provider';
import type { RollbackScope } from './rollback-scope.js';

/**
 * Whether a flag is in `scope`: every flag for `all`, the key for a flag, its
 * `metadata.group` for a group. The one place a scope is matched, for rolling
 * back and for clearing.
 */
export function inRollbackScope(scope: RollbackScope, flagKey: string, definition: Pick<FlagDefinition, 'metadata'> | undefined): boolean {
  if ('all' in scope) return true;
  if ('flag' in scope) return flagKey === scope.flag;
  return definition !== undefined && groupOf(definition) === scope.group;
}
