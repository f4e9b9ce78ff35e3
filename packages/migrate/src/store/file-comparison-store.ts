import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComparisonRecord } from './comparison-record.js';
import type { ComparisonStore } from './comparison-store.js';
import type { DayFile } from './day-file.js';
import { dayOf, parseDayFile } from './day-file.js';
import type { FileComparisonStoreConfig, FileComparisonStoreOptions } from './file-comparison-store-config.js';
import { resolveFileComparisonStoreConfig } from './file-comparison-store-config.js';
import { LogThrottle } from '@cutover/core';
import type { Logger } from '@cutover/core';
import { CONSOLE_LOGGER } from '../logger.js';
import { ComparisonStoreError } from '../migration-error.js';
import type { ReadTally } from './read-day-file.js';
import { readDayFile } from './read-day-file.js';
import { recordLine } from './record-line.js';
import { SegmentWriter } from './segment-writer.js';
import type { ComparisonSummary } from './summary-builder.js';
import { SummaryBuilder } from './summary-builder.js';

/** Which records a read covers; both ends inclusive, either may be open. */
export interface RecordRange {
  readonly from?: Date;
  readonly to?: Date;
  /** Only this migration's records. */
  readonly flagKey?: string;
}

/** Where a {@link FileComparisonStore} lives. */
export interface FileComparisonStoreInit {
  /** The directory of the day files; created on the first write. */
  readonly directory: string;
  /** @default CONSOLE_LOGGER */
  readonly logger?: Logger;
  readonly options?: FileComparisonStoreOptions;
}

/** Counters of a {@link FileComparisonStore}. */
export interface FileComparisonStoreStats {
  readonly written: number;
  /** Records lost to a full queue or an oversized line. */
  readonly dropped: number;
  /** Records lost to disk errors. */
  readonly writeErrors: number;
  /** Torn or corrupt lines skipped by reads of this instance. */
  readonly tornLines: number;
  /** Times the file being written was found deleted or replaced, and a new one opened. */
  readonly reopened: number;
  /** Records accepted and not yet written: what a crash now would lose (at most one batch). */
  readonly queued: number;
}

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * Append-only JSONL comparison store, one file per UTC day and writer process
 * (`YYYY-MM-DD.<pid>-<random>.jsonl`). Writing never throws or rejects: disk
 * errors are counted and logged. Reads stream line by line.
 */
export class FileComparisonStore implements ComparisonStore {
  /** The resolved options. */
  readonly config: Readonly<FileComparisonStoreConfig>;
  private readonly directory: string;
  private readonly logger: Logger;
  private readonly writer: SegmentWriter;
  private counts = { written: 0, writeErrors: 0, tornLines: 0, reopened: 0 };
  private readonly dropped = new LogThrottle<'dropped'>();

  constructor(init: FileComparisonStoreInit) {
    this.directory = init.directory;
    this.logger = init.logger ?? CONSOLE_LOGGER;
    this.config = Object.freeze(resolveFileComparisonStoreConfig(init.options));
    this.writer = new SegmentWriter({
      directory: init.directory,
      maxQueuedBytes: this.config.maxQueuedBytes,
      flushIntervalMs: this.config.flushIntervalMs,
      onWriteError: (error, records) => {
        this.counts.writeErrors += records;
        this.counts.written -= records;
        this.logger.error(`comparison store ${this.directory}: ${records} record(s) lost to a write error`, error);
      },
      onReopen: (path) => {
        const reopened = ++this.counts.reopened;
        this.logger.warn(`comparison store ${this.directory}: ${path} was deleted or replaced; reopened it for new records (${reopened} so far)`);
      },
    });
  }

  /**
   * Appends one record; resolves when it reached the file (or was counted as
   * lost). Never rejects. Records are written in batches, one write per
   * `flushIntervalMs`; `flush()` and `close()` write what is queued at once.
   */
  record(record: ComparisonRecord): Promise<void> {
    let line: string;
    try {
      line = recordLine(record);
    } catch (error) {
      this.drop('unserialisable record', error);
      return RESOLVED;
    }
    if (line.length > this.config.maxRecordBytes) {
      this.drop(`record of ${line.length} bytes exceeds maxRecordBytes`);
      return RESOLVED;
    }
    const written = this.writer.append(dayOf(record.timestamp), line);
    if (written === undefined) {
      this.drop('write queue full');
      return RESOLVED;
    }
    this.counts.written++;
    return written;
  }

  /** The `count` most recent records, newest first. */
  async getRecent(count: number): Promise<ComparisonRecord[]> {
    await this.writer.flush();
    const byDay = groupByDay(await this.files());
    const recent: ComparisonRecord[] = [];
    for (const day of [...byDay.keys()].sort().reverse()) {
      if (recent.length >= count) break;
      const ofDay: ComparisonRecord[] = [];
      for (const file of byDay.get(day) ?? []) {
        // Keep only the tail of each file: memory stays near `count` records per file.
        const tail: ComparisonRecord[] = [];
        for await (const batch of this.read(file)) {
          tail.push(...batch);
          if (tail.length > 2 * count) tail.splice(0, tail.length - count);
        }
        ofDay.push(...tail.slice(-count));
      }
      ofDay.sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
      recent.push(...ofDay.slice(0, count - recent.length));
    }
    return recent;
  }

  /**
   * Totals, match rate, durations (average, p95) per path and top difference paths over `range`, streamed.
   * @throws {ComparisonStoreError} when the store's directory cannot be listed (as do the other reads)
   */
  async getSummary(range: RecordRange = {}): Promise<ComparisonSummary> {
    const builder = new SummaryBuilder();
    const tally: ReadTally = { torn: 0 };
    for await (const batch of this.batches(range, tally)) {
      for (const record of batch) builder.add(record);
    }
    return builder.build(tally.torn);
  }

  /** Streams the records of `range`, day by day; the order within a day is per writer. */
  async *records(range: RecordRange = {}): AsyncGenerator<ComparisonRecord> {
    for await (const batch of this.batches(range, { torn: 0 })) yield* batch;
  }

  /** Filtered chunks of records: one await per chunk, not per record, is what keeps a million-line summary fast. */
  private async *batches(range: RecordRange, tally: ReadTally): AsyncGenerator<ComparisonRecord[]> {
    await this.writer.flush();
    const from = range.from?.toISOString();
    const to = range.to?.toISOString();
    const files = (await this.files()).filter((f) => (!from || f.day >= from.slice(0, 10)) && (!to || f.day <= to.slice(0, 10)));
    files.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const file of files) {
      for await (const batch of this.read(file, tally)) {
        const whole = !from && !to && range.flagKey === undefined;
        yield whole ? batch : batch.filter((r) => (!from || r.timestamp >= from) && (!to || r.timestamp <= to) && (range.flagKey === undefined || r.flagKey === range.flagKey));
      }
    }
  }

  /** Resolves when every record given so far is written. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Flushes and closes the current file. */
  close(): Promise<void> {
    return this.writer.close();
  }

  /** A snapshot of the counters. */
  stats(): FileComparisonStoreStats {
    return { ...this.counts, dropped: this.dropped.count('dropped'), queued: this.writer.queuedLines };
  }

  private async *read(file: DayFile, tally: ReadTally = { torn: 0 }): AsyncGenerator<ComparisonRecord[]> {
    const before = tally.torn;
    try {
      yield* readDayFile(join(this.directory, file.name), tally);
    } catch (error) {
      // A file that vanished or cannot be read is reported, not thrown at a dashboard.
      this.logger.error(`comparison store: cannot read ${file.name}`, error);
    }
    const torn = tally.torn - before;
    if (torn > 0) {
      this.counts.tornLines += torn;
      this.logger.warn(`comparison store: skipped ${torn} torn or corrupt line(s) in ${file.name}`);
    }
  }

  private async files(): Promise<DayFile[]> {
    try {
      const names = await readdir(this.directory);
      return names.map(parseDayFile).filter((f): f is DayFile => f !== undefined);
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      // No directory yet: nothing was ever written.
      if (code === 'ENOENT') return [];
      throw new ComparisonStoreError(this.directory, code === 'ENOTDIR' ? 'is not a directory' : `cannot be listed (${code ?? 'unknown error'})`, { cause: error });
    }
  }

  private drop(reason: string, error?: unknown): void {
    const { count: dropped, log } = this.dropped.record('dropped');
    // A full queue drops at request rate.
    if (log === 'quiet') return;
    this.logger.error(`comparison store ${this.directory}: record dropped (${reason}; ${dropped} so far)`, ...(error === undefined ? [] : [error]));
  }
}

function groupByDay(files: readonly DayFile[]): Map<string, DayFile[]> {
  const byDay = new Map<string, DayFile[]>();
  for (const file of files) byDay.set(file.day, [...(byDay.get(file.day) ?? []), file]);
  return byDay;
}
