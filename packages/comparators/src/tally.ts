/**
 * Counts items per type, e.g. findings per alert type. Types keep the order
 * in which they first appear.
 */
export function tally<T>(items: Iterable<T>, typeOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const type = typeOf(item);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return counts;
}
