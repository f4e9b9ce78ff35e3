import type { ComparisonRecord, RecordedPath } from '@cutover/migrate';

/** A record with the id that makes its insert idempotent (a replayed or retried batch never stores it twice). */
export interface IdentifiedRecord {
  readonly id: string;
  readonly record: ComparisonRecord;
}

/** One row of `comparisons` as read back. */
export interface ComparisonRow {
  readonly id: string;
  readonly recorded_at: Date;
  readonly flag_key: string;
  readonly stage: ComparisonRecord['stage'];
  readonly outcome: ComparisonRecord['outcome'];
  readonly ignored: boolean;
  readonly legacy_status: RecordedPath['status'];
  readonly legacy_ms: number | null;
  readonly candidate_status: RecordedPath['status'];
  readonly candidate_ms: number | null;
  readonly detail: Detail | null;
}

/** What a row keeps beyond its columns: the parts of mismatches (values, errors, differences, input). */
interface Detail {
  legacy?: Omit<RecordedPath, 'status' | 'durationMs'>;
  candidate?: Omit<RecordedPath, 'status' | 'durationMs'>;
  differences?: ComparisonRecord['differences'];
  noisy?: ComparisonRecord['noisy'];
  input?: unknown;
}

/** The columns of `comparisons` in insert order. */
export const COLUMNS = 'id, recorded_at, flag_key, stage, outcome, ignored, legacy_status, legacy_ms, candidate_status, candidate_ms, detail';
/** The array types of {@link COLUMNS}, for `unnest`. */
export const COLUMN_TYPES = ['uuid', 'timestamptz', 'text', 'text', 'text', 'boolean', 'text', 'float8', 'text', 'float8', 'jsonb'];

/** A batch as one array per column: one INSERT … SELECT FROM unnest(…) writes it. */
export function toColumns(batch: readonly IdentifiedRecord[]): unknown[][] {
  const columns: unknown[][] = COLUMN_TYPES.map(() => new Array<unknown>(batch.length));
  batch.forEach(({ id, record: r }, i) => {
    const values = [id, r.timestamp, r.flagKey, r.stage, r.outcome, r.ignored === true, r.legacy.status, duration(r.legacy), r.candidate.status, duration(r.candidate), detailOf(r)];
    values.forEach((value, c) => (columns[c]![i] = value));
  });
  return columns;
}

/** The record a row was made from. */
export function fromRow(row: ComparisonRow): ComparisonRecord {
  const detail = row.detail ?? {};
  return {
    timestamp: row.recorded_at.toISOString(),
    flagKey: row.flag_key,
    stage: row.stage,
    outcome: row.outcome,
    ...(row.ignored && { ignored: true }),
    legacy: { status: row.legacy_status, durationMs: row.legacy_ms ?? 0, ...detail.legacy },
    candidate: { status: row.candidate_status, durationMs: row.candidate_ms ?? 0, ...detail.candidate },
    differences: detail.differences ?? [],
    ...(detail.noisy && { noisy: detail.noisy }),
    ...('input' in detail && { input: detail.input }),
  };
}

function duration(path: RecordedPath): number | null {
  return Number.isFinite(path.durationMs) ? path.durationMs : null;
}

/** JSON of the parts a match does not have; `null` for a plain match, which keeps match rows narrow. */
function detailOf(record: ComparisonRecord): string | null {
  const detail: Detail = {};
  const legacy = extra(record.legacy);
  const candidate = extra(record.candidate);
  if (legacy) detail.legacy = legacy;
  if (candidate) detail.candidate = candidate;
  if (record.differences.length > 0) detail.differences = record.differences;
  if (record.noisy && record.noisy.length > 0) detail.noisy = record.noisy;
  if (record.input !== undefined) detail.input = record.input;
  return Object.keys(detail).length === 0 ? null : JSON.stringify(detail);
}

function extra(path: RecordedPath): Detail['legacy'] {
  const { status: _status, durationMs: _durationMs, ...rest } = path;
  return Object.keys(rest).length === 0 ? undefined : rest;
}
