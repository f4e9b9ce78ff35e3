/**
 * The cycles of a dependency graph (key → keys it depends on), each once,
 * starting at its smallest key. A flag in a cycle could never leave its
 * rollback variant, so validation rejects them.
 */
export function findDependencyCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  const visit = (key: string, path: string[]): void => {
    const at = path.indexOf(key);
    if (at !== -1) {
      const cycle = path.slice(at);
      const start = cycle.indexOf([...cycle].sort()[0]!);
      const normal = [...cycle.slice(start), ...cycle.slice(0, start)];
      cycles.set(normal.join('\u0000'), normal);
      return;
    }
    if (done.has(key)) return;
    for (const next of graph.get(key) ?? []) visit(next, [...path, key]);
    done.add(key);
  };
  for (const key of [...graph.keys()].sort()) visit(key, []);
  return [...cycles.values()];
}
