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

/** What a row keeps beyond its columns: the item id, and the parts of mismatches (values, errors, differences, input). */
interface Detail {
  itemId?: string;
  legacy?: Omit<RecordedPath, 'status' | 'durationMs'>;
  candidate?: Omit<RecordedPath, 'status' | 'durationMs'>;
  differences?: ComparisonRecord['differences'];
  noisy?: ComparisonRecord['noisy'];
  input?: unknown;
}

/** The columns of `comparisons`. */
export const COLUMNS = 'id, recorded_at, flag_key, stage, outcome, ignored, legacy_status, legacy_ms, candidate_status, candidate_ms, detail';
/** The columns with their types, as `json_to_recordset` reads a batch. */
export const RECORDSET_TYPES =
  'id uuid, recorded_at timestamptz, flag_key text, stage text, outcome text, ignored boolean, legacy_status text, legacy_ms float8, candidate_status text, candidate_ms float8, detail jsonb';

/** A batch as one JSON array of rows: one INSERT … SELECT FROM json_to_recordset($1) writes it, and one JSON.stringify is cheaper than a parameter per value. */
export function toRecordset(batch: readonly IdentifiedRecord[]): string {
  return JSON.stringify(
    batch.map(({ id, record: r }) => ({
      id,
      recorded_at: r.timestamp,
      flag_key: r.flagKey,
      stage: r.stage,
      outcome: r.outcome,
      ignored: r.ignored === true,
      legacy_status: r.legacy.status,
      legacy_ms: duration(r.legacy),
      candidate_status: r.candidate.status,
      candidate_ms: duration(r.candidate),
      detail: detailOf(r),
    })),
  );
}

/** The record a row was made from. */
export function fromRow(row: ComparisonRow): ComparisonRecord {
  const detail = row.detail ?? {};
  return {
    timestamp: row.recorded_at.toISOString(),
    flagKey: row.flag_key,
    stage: row.stage,
    ...(detail.itemId !== undefined && { itemId: detail.itemId }),
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

/** The parts a plain match does not have; `null` for a match without an item id, which keeps match rows narrow. */
function detailOf(record: ComparisonRecord): Detail | null {
  const detail: Detail = {};
  if (record.itemId !== undefined) detail.itemId = record.itemId;
  const legacy = extra(record.legacy);
  const candidate = extra(record.candidate);
  if (legacy) detail.legacy = legacy;
  if (candidate) detail.candidate = candidate;
  if (record.differences.length > 0) detail.differences = record.differences;
  if (record.noisy && record.noisy.length > 0) detail.noisy = record.noisy;
  if (record.input !== undefined) detail.input = record.input;
  return Object.keys(detail).length === 0 ? null : detail;
}

function extra(path: RecordedPath): Detail['legacy'] {
  const { status: _status, durationMs: _durationMs, ...rest } = path;
  return Object.keys(rest).length === 0 ? undefined : rest;
}
