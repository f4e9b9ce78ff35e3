import { isMigrationStage } from '@cutover/flag-model';
import type { ComparisonRecord, RecordedPath } from './comparison-record.js';

const OUTCOMES: ReadonlySet<unknown> = new Set(['match', 'mismatch', 'error']);
const STATUSES: ReadonlySet<unknown> = new Set(['ok', 'error', 'timeout']);
// timestamp, flagKey, stage, outcome, legacy, candidate, differences; and itemId when the record has one.
const PLAIN_KEYS = 7;
// Where the runner puts the item id (after the stage): the template writes it there, so it must be there.
const ITEM_KEY_INDEX = 3;

/**
 * The store line of a record, with its newline: what `JSON.stringify` writes
 * (for a record with its keys in the documented order, as the runner builds
 * them). A plain, not ignored match (no values, input or differences: the bulk
 * of any store) is written from a template, several times faster than
 * `JSON.stringify`, which every other record goes through; it is the shape
 * `parseRecordLine` reads back without `JSON.parse`.
 * @throws what `JSON.stringify` throws for a record it cannot serialise
 */
export function recordLine(record: ComparisonRecord): string {
  const { legacy, candidate, itemId } = record;
  const withItem = typeof itemId === 'string';
  if (
    record.differences.length === 0 &&
    // Exactly the plain keys: a record carrying anything more (a caller's own field) goes through JSON.stringify.
    (withItem ? itemKeyAt(record) === ITEM_KEY_INDEX && keyCount(record) === PLAIN_KEYS + 1 : keyCount(record) === PLAIN_KEYS) &&
    OUTCOMES.has(record.outcome) &&
    isMigrationStage(record.stage) &&
    plain(legacy) &&
    plain(candidate)
  ) {
    return (
      `{"timestamp":${JSON.stringify(record.timestamp)},"flagKey":${JSON.stringify(record.flagKey)},"stage":"${record.stage}",` +
      (withItem ? `"itemId":${JSON.stringify(itemId)},` : '') +
      `"outcome":"${record.outcome}",` +
      `"legacy":{"status":"${legacy.status}","durationMs":${legacy.durationMs}},"candidate":{"status":"${candidate.status}","durationMs":${candidate.durationMs}},"differences":[]}\n`
    );
  }
  return JSON.stringify(record) + '\n';
}

/** A path with a status and a finite duration only (`JSON.stringify` writes a non-finite number as `null`). */
function plain(path: RecordedPath): boolean {
  return keyCount(path) === 2 && STATUSES.has(path.status) && typeof path.durationMs === 'number' && Number.isFinite(path.durationMs);
}

/** The position of `itemId` among the record's own keys, found without allocating an array. */
function itemKeyAt(record: ComparisonRecord): number {
  let index = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (key === 'itemId') return index;
    index++;
  }
  return -1;
}

/** Enumerable keys of `value`, counted without allocating an array. */
function keyCount(value: object): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count++;
  return count;
}
