/**
 * The variants a targeting rule can return, when every one of them is written
 * literally: the branches of `if` chains (nested ones included), with `null`
 * (the flag's default) left out. Undefined when some branch computes its
 * variant (a split, `var`, `cat`…), so the caller knows it cannot tell.
 */
export function literalOutcomes(logic: unknown): string[] | undefined {
  if (logic === null) return [];
  if (typeof logic === 'string') return [logic];
  if (typeof logic !== 'object' || Array.isArray(logic)) return undefined;
  const record = logic as Record<string, unknown>;
  const args = record.if;
  if (Object.keys(record).length !== 1 || !Array.isArray(args)) return undefined;
  const branches = args.filter((_, i) => i % 2 === 1 || (i === args.length - 1 && args.length % 2 === 1));
  const outcomes: string[] = [];
  for (const branch of branches) {
    const inner = literalOutcomes(branch);
    if (inner === undefined) return undefined;
    outcomes.push(...inner);
  }
  return [...new Set(outcomes)];
}
