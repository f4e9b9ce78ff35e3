let lastMs = Number.NaN;
let lastIso = '';

/**
 * `new Date().toISOString()`, computed once per millisecond: formatting a date
 * costs about a microsecond, and a busy migration stamps many comparisons
 * within one millisecond.
 */
export function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}
