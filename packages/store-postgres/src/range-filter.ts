import type { RecordRange } from '@cutover/migrate';

/** A WHERE clause and its parameters. */
export interface SqlFilter {
  readonly where: string;
  readonly params: unknown[];
}

/** The WHERE clause of `range` (both ends inclusive), with parameters numbered from `$1`; `prefix` qualifies the columns. */
export function rangeFilter(range: RecordRange, prefix = ''): SqlFilter {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown): void => {
    params.push(value);
    conditions.push(condition.replace('?', `$${params.length}`));
  };
  if (range.from) add(`${prefix}recorded_at >= ?`, range.from);
  if (range.to) add(`${prefix}recorded_at <= ?`, range.to);
  if (range.flagKey !== undefined) add(`${prefix}flag_key = ?`, range.flagKey);
  return { where: conditions.length === 0 ? 'TRUE' : conditions.join(' AND '), params };
}
