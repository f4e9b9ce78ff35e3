// Long enough for any real message; a megabyte-long one would otherwise make
// its record too large to store.
const MAX_LENGTH = 2048;

/**
 * `Name: message` of an Error, `String(value)` of anything else thrown, cut at
 * 2 048 characters. Never throws: a thrown proxy, a null-prototype object or a
 * throwing `message` getter are still described, so the run is still recorded.
 */
export function describeError(error: unknown): string {
  return cut(attempt(() => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))) ?? attempt(() => Object.prototype.toString.call(error)) ?? '[unprintable error]');
}

function attempt(describe: () => string): string | undefined {
  try {
    return describe();
  } catch {
    return undefined;
  }
}

function cut(text: string): string {
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH)}…`;
}
