/** flagd's `starts_with`: `[value, prefix]`, both strings, else null. */
export function startsWith(args: unknown): boolean | null {
  return isStringPair(args) ? args[0].startsWith(args[1]) : null;
}

/** flagd's `ends_with`: `[value, suffix]`, both strings, else null. */
export function endsWith(args: unknown): boolean | null {
  return isStringPair(args) ? args[0].endsWith(args[1]) : null;
}

function isStringPair(args: unknown): args is [string, string] {
  return Array.isArray(args) && args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'string';
}
