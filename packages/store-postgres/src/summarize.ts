import type { ComparisonSummary, PathSummary, RecordRange } from '@cutover/migrate';
import type { Pool } from 'pg';
import { rangeFilter } from './range-filter.js';

const TOP = 10;

type PathColumns<P extends string> = Record<`${P}_count` | `${P}_errors` | `${P}_timeouts` | `${P}_avg` | `${P}_p95`, number | null>;
type SummaryRow = { total: number; matches: number; mismatches: number; ignored: number } & PathColumns<'legacy'> & PathColumns<'candidate'>;

/**
 * The summary of `range`, computed in PostgreSQL: counts and match rate,
 * durations per path (average, p95) and the most frequent difference paths of
 * mismatches (array indices folded to `[*]`), the same figures as the file store's.
 */
export async function summarize(pool: Pool, schema: string, range: RecordRange): Promise<ComparisonSummary> {
  const { where, params } = rangeFilter(range);
  const filtered = rangeFilter(range, 'c.');
  const [totals, paths] = await Promise.all([
    pool.query<SummaryRow>(
      `SELECT count(*)::float8 AS total,
        count(*) FILTER (WHERE outcome = 'match')::float8 AS matches,
        count(*) FILTER (WHERE outcome = 'mismatch')::float8 AS mismatches,
        count(*) FILTER (WHERE ignored)::float8 AS ignored,
        ${pathColumns('legacy')},
        ${pathColumns('candidate')}
      FROM ${schema}.comparisons WHERE ${where}`,
      params,
    ),
    pool.query<{ path: string; count: number; items: string[] | null }>(
      `SELECT regexp_replace(d->>'path', '\\[\\d+\\]', '[*]', 'g') AS path, count(*)::float8 AS count,
        (array_agg(DISTINCT c.detail->>'itemId') FILTER (WHERE c.detail ? 'itemId'))[1:3] AS items
      FROM ${schema}.comparisons c, jsonb_array_elements(c.detail->'differences') d
      WHERE c.outcome = 'mismatch' AND c.detail ? 'differences' AND ${filtered.where}
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
      filtered.params,
    ),
  ]);
  const row = totals.rows[0];
  if (!row) throw new Error('summary query returned no row');
  const compared = row.matches + row.mismatches;
  return {
    total: row.total,
    matches: row.matches,
    mismatches: row.mismatches,
    errors: row.total - compared,
    ignored: row.ignored,
    matchRate: compared === 0 ? 1 : row.matches / compared,
    legacy: pathSummary(row, 'legacy'),
    candidate: pathSummary(row, 'candidate'),
    topDifferences: paths.rows.map(({ path, count, items }) => (items && items.length > 0 ? { path, count, items } : { path, count })),
    tornLines: 0,
  };
}

function pathColumns(path: 'legacy' | 'candidate'): string {
  const valid = `${path}_ms >= 0`;
  return [
    `count(*) FILTER (WHERE ${valid})::float8 AS ${path}_count`,
    `count(*) FILTER (WHERE ${path}_status = 'error')::float8 AS ${path}_errors`,
    `count(*) FILTER (WHERE ${path}_status = 'timeout')::float8 AS ${path}_timeouts`,
    `avg(${path}_ms) FILTER (WHERE ${valid}) AS ${path}_avg`,
    `percentile_disc(0.95) WITHIN GROUP (ORDER BY ${path}_ms) FILTER (WHERE ${valid}) AS ${path}_p95`,
  ].join(',\n        ');
}

function pathSummary(row: SummaryRow, path: 'legacy' | 'candidate'): PathSummary {
  const count = row[`${path}_count`] ?? 0;
  return {
    count,
    errors: row[`${path}_errors`] ?? 0,
    timeouts: row[`${path}_timeouts`] ?? 0,
    averageMs: count === 0 ? 0 : (row[`${path}_avg`] ?? 0),
    p95Ms: count === 0 ? 0 : (row[`${path}_p95`] ?? 0),
  };
}
