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
  const found: string[] = [];
  collectUnknown(logic, found);
  return found;
}

function collectUnknown(logic: unknown, found: string[]): void {
  if (Array.isArray(logic)) {
    for (const item of logic) collectUnknown(item, found);
  } else if (logic !== null && typeof logic === 'object') {
    for (const [operator, args] of Object.entries(logic as Record<string, unknown>)) {
      const path = operator === 'var' ? flagdPath(args) : undefined;
      if (path === undefined) collectUnknown(args, found);
      else if (path !== '$flagd' && path !== '$flagd.flagKey' && path !== '$flagd.timestamp') found.push(path);
    }
  }
}
