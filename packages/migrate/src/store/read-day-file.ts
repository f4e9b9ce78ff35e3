import { createReadStream } from 'node:fs';
import type { ComparisonRecord } from './comparison-record.js';
import { parsePlainRecordLine, parseRecordLine } from './parse-record-line.js';

/** Lines of a file that could not be used: a torn tail after a crash, or a corrupt line. */
export interface ReadTally {
  torn: number;
}

const NEWLINE = 0x0a;

/**
 * Streams the records of one JSONL file, a chunk (about 1 MiB) at a time, so a
 * summary never holds more than a chunk. Lines that do not parse, and a last
 * line without its newline (a write cut by a crash), are skipped and counted.
 */
export async function* readDayFile(path: string, tally: ReadTally): AsyncGenerator<ComparisonRecord[]> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    // 0x0A never occurs inside a multi-byte UTF-8 sequence, so splitting bytes on it is safe.
    const end = chunk.lastIndexOf(NEWLINE);
    if (end < 0) {
      rest = Buffer.concat([rest, chunk]);
      continue;
    }
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, end)]) : chunk.subarray(0, end);
    rest = Buffer.from(chunk.subarray(end + 1));
    yield parseLines(bytes, tally);
  }
  if (rest.length > 0) tally.torn++;
}

/**
 * The records of whole lines. The chunk is decoded as Latin-1: one byte per
 * character, so offsets are byte offsets, and a one-byte string even when a
 * mismatch somewhere holds non-ASCII text (UTF-8 decoding would make the whole
 * chunk a two-byte string, slower to scan). Plain ASCII lines are parsed from
 * it; any other line is decoded again, alone, as UTF-8.
 */
function parseLines(bytes: Buffer, tally: ReadTally): ComparisonRecord[] {
  const text = bytes.toString('latin1');
  const records: ComparisonRecord[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const record = parsePlainRecordLine(text.slice(start, end)) ?? parseRecordLine(bytes.toString('utf8', start, end));
      if (record) records.push(record);
      else tally.torn++;
    }
    start = end + 1;
  }
  return records;
}
