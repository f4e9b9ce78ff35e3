import type { ComparisonRecord, RecordedPath } from './comparison-record.js';
import { isComparisonRecord } from './comparison-record.js';

// The exact shape the runner writes for a plain match (the bulk of any store):
// no values, no input, no differences. A line that matches it is complete JSON,
// so its fields can be taken without JSON.parse, which is what makes a summary
// of a million lines fit in about a second. Anything else goes through JSON.parse.
// The flag key (and the item id, when there is one) is printable ASCII without escapes: such a line reads the same
// decoded as Latin-1 or as UTF-8, so a reader may decode a chunk as Latin-1
// (one byte per character, no UTF-8 validation) and parse only the other lines as UTF-8.
const PLAIN =
  /^\{"timestamp":"([0-9T:.Z-]+)","flagKey":"([\x20\x21\x23-\x5b\x5d-\x7e]*)","stage":"([a-z]+)",(?:"itemId":"([\x20\x21\x23-\x5b\x5d-\x7e]*)",)?"outcome":"(match|mismatch|error)",(?:"ignored":(true),)?"legacy":\{"status":"(ok|error|timeout)","durationMs":(-?[0-9.eE+-]+)\},"candidate":\{"status":"(ok|error|timeout)","durationMs":(-?[0-9.eE+-]+)\},"differences":\[\]\}$/;

const NONE: readonly never[] = Object.freeze([]);

/** Parses one store line; `undefined` when it is torn, corrupt or not a record. */
export function parseRecordLine(line: string): ComparisonRecord | undefined {
  const plain = parsePlainRecordLine(line);
  if (plain) return plain;
  try {
    const value: unknown = JSON.parse(line);
    return isComparisonRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses a line of the plain-match shape, all ASCII, without `JSON.parse`;
 * `undefined` for any other line (which {@link parseRecordLine} reads).
 */
export function parsePlainRecordLine(line: string): ComparisonRecord | undefined {
  const m = PLAIN.exec(line);
  if (m) {
    const legacyMs = Number(m[8]);
    const candidateMs = Number(m[10]);
    if (Number.isFinite(legacyMs) && Number.isFinite(candidateMs)) {
      const record: { -readonly [K in keyof ComparisonRecord]: ComparisonRecord[K] } = {
        timestamp: m[1] as string,
        flagKey: m[2] as string,
        stage: m[3] as ComparisonRecord['stage'],
        outcome: m[5] as ComparisonRecord['outcome'],
        legacy: { status: m[7] as RecordedPath['status'], durationMs: legacyMs },
        candidate: { status: m[9] as RecordedPath['status'], durationMs: candidateMs },
        differences: NONE,
      };
      // Assigned rather than spread: a conditional spread takes V8's slow path on every line.
      if (m[4] !== undefined) record.itemId = m[4];
      if (m[6]) record.ignored = true;
      return record;
    }
  }
  return undefined;
}
