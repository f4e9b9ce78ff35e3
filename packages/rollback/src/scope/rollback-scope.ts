/**
 * What a rollback covers: one flag, a named group (`metadata.group`), a phase
 * (a phase flag and its members, back to its `rollbackPhase`), or every migration.
 */
export type RollbackScope = { readonly flag: string } | { readonly group: string } | { readonly phase: string } | { readonly all: true };

/** Reads a scope from its command-line spelling: `flag-key`, `group:name`, `phase:flag-key` or `all`. */
export function parseRollbackScope(text: string): RollbackScope {
  if (text === 'all' || text === '*') return { all: true };
  if (text.startsWith('group:')) return { group: text.slice('group:'.length) };
  if (text.startsWith('phase:')) return { phase: text.slice('phase:'.length) };
  return { flag: text };
}

/** The scope in words, for audit records and logs. */
export function describeScope(scope: RollbackScope): string {
  if ('flag' in scope) return scope.flag;
  if ('group' in scope) return `group:${scope.group}`;
  return 'phase' in scope ? `phase:${scope.phase}` : 'all';
}
