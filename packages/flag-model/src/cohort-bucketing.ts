/**
 * The bucketing expression of a shared cohort, in flagd's own `fractional`
 * form: `{ "cat": [<cohort>, { "var": "targetingKey" }] }`. flagd hashes the
 * flag key with the targeting key by default, so two flags at 10 % pick
 * different ids; with the same cohort as their seed they pick the same ones
 * (canary first, the 10 % of one cohort is the 10 % of every flag in it).
 */
export function cohortBucketing(cohort: string): { cat: [string, { var: 'targetingKey' }] } {
  return { cat: [cohort, { var: 'targetingKey' }] };
}

/** The cohort a split's bucketing expression names, when it is written as {@link cohortBucketing} writes it. */
export function cohortOf(bucketBy: unknown): string | undefined {
  if (bucketBy === null || typeof bucketBy !== 'object' || Array.isArray(bucketBy)) return undefined;
  const record = bucketBy as Record<string, unknown>;
  const args = record.cat;
  if (Object.keys(record).length !== 1 || !Array.isArray(args) || args.length !== 2) return undefined;
  const [cohort, key] = args as unknown[];
  const isTargetingKey = key !== null && typeof key === 'object' && JSON.stringify(key) === JSON.stringify({ var: 'targetingKey' });
  return typeof cohort === 'string' && isTargetingKey ? cohort : undefined;
}
