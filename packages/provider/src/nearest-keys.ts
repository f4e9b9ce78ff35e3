/** At most this many suggestions. */
const MAX_SUGGESTIONS = 3;

/**
 * The known keys nearest to `key`, nearest first: those within a quarter of its
 * length in edits, ignoring case and the separators `-`, `_` and `.` that teams
 * spell differently. For "did you mean" messages; empty when none is close.
 */
export function nearestKeys(key: string, known: Iterable<string>): string[] {
  const wanted = normalized(key);
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  const scored: { key: string; distance: number }[] = [];
  for (const candidate of new Set(known)) {
    if (candidate === key) continue;
    const distance = editDistance(wanted, normalized(candidate), limit);
    if (distance <= limit) scored.push({ key: candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.key);
}

function normalized(key: string): string {
  return key.toLowerCase().replace(/[-_.]/g, '');
}

/** Levenshtein distance, stopping early once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
