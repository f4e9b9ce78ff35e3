/** What a rollback covers: one flag, a named group (`metadata.group`), or every migration. */
export type RollbackScope = { readonly flag: string } | { readonly group: string } | { readonly all: true };

/** Reads a scope from its command-line spelling: `flag-key`, `group:name` or `all`. */
export function parseRollbackScope(text: string): RollbackScope {
  if (text === 'all' || text === '*') return { all: true };
  if (text.startsWith('group:')) return { group: text.slice('group:'.length) };
  return { flag: text };
}

/** The scope in words, for audit records and logs. */
export function describeScope(scope: RollbackScope): string {
  return 'flag' in scope ? scope.flag : 'group' in scope ? `group:${scope.group}` : 'all';
}
