/** The `$flagd` path a `var` reads (`$flagd`, `$flagd.flagKey`, ...), undefined for any other path. */
export function flagdPath(args: unknown): string | undefined {
  const path = Array.isArray(args) ? args[0] : args;
  return typeof path === 'string' && (path === '$flagd' || path.startsWith('$flagd.')) ? path : undefined;
}

/**
 * The `$flagd` properties other than `flagKey` and `timestamp` a rule reads:
 * flagd sets none, so they read as null; the parser warns about them.
 */
export function unknownFlagdProperties(logic: unknown): string[] {
  if (Array.isArray(logic)) return logic.flatMap(unknownFlagdProperties);
  if (logic === null || typeof logic !== 'object') return [];
  return Object.entries(logic as Record<string, unknown>).flatMap(([operator, args]) => {
    const path = operator === 'var' ? flagdPath(args) : undefined;
    if (path !== undefined) return path === '$flagd' || path === '$flagd.flagKey' || path === '$flagd.timestamp' ? [] : [path];
    return unknownFlagdProperties(args);
  });
}
