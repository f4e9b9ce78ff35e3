import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dayFileName } from './day-file.js';
import type { FileIdentity, SegmentFile, SegmentFileSystem } from './segment-file-system.js';
import { NODE_FILE_SYSTEM } from './segment-file-system.js';

/** Where a {@link SegmentWriter} writes and how it reports; it never throws at its callers. */
export interface SegmentWriterInit {
  readonly directory: string;
  /** Lines waiting for the disk, in UTF-16 units; beyond it `append` drops. */
  readonly maxQueuedBytes: number;
  /** How long the first line of a batch waits for others before the batch is written, in ms. @default 5 */
  readonly flushIntervalMs?: number;
  /** A batch this large (UTF-16 units) is written at once, without waiting for the timer. @default 262144 */
  readonly maxBatchBytes?: number;
  /** A write failed; `records` of its lines did not reach the disk (those before them did). */
  onWriteError(error: unknown, records: number): void;
  /** The open file was deleted or replaced; a new one was opened at `path` for the lines that follow. */
  onReopen?(path: string): void;
  /** @default the real file system */
  readonly fileSystem?: SegmentFileSystem;
  /** How often, at most, to check that the open file is still the one its path names, in ms. @default 100 */
  readonly identityCheckMs?: number;
}

interface OpenSegment {
  readonly day: string;
  readonly path: string;
  readonly file: SegmentFile;
  readonly identity: FileIdentity;
  /** `performance.now()` of the last identity check. */
  checkedAt: number;
}

const NEWLINE = 0x0a;
// A stat per batch would cost more than the batch's write at high rates; this
// bounds both the checks and the records a deleted file can swallow.
const IDENTITY_CHECK_MS = 100;
const FLUSH_INTERVAL_MS = 5;
const MAX_BATCH_BYTES = 1 << 18;

/**
 * Appends lines to files that only this writer ever writes: one per day, named
 * after the process and a random id. No other process appends to them, so lines
 * cannot interleave whatever their size or the file system (NFS included), and a
 * crash can only tear the last line of a file nobody will append to again.
 *
 * Lines are written in batches: the first line of a batch starts a short timer
 * (`flushIntervalMs`), and everything queued until it fires goes out in one
 * write, as does a batch that reaches `maxBatchBytes`, and whatever is queued
 * at `flush()` or `close()`. One write per batch instead of one per line is what
 * keeps a record's cost to microseconds; a crash loses at most the batch
 * being gathered ({@link queuedLines} says how many lines that is now).
 */
export class SegmentWriter {
  private writer = newWriterId();
  private segment: OpenSegment | undefined;
  private lines: string[] = [];
  private days: string[] = [];
  private queuedBytes = 0;
  /** Lines of the batch being written. */
  private writing = 0;
  private batch: Batch | undefined;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private readonly fs: SegmentFileSystem;
  private readonly flushIntervalMs: number;
  private readonly maxBatchBytes: number;

  constructor(private readonly init: SegmentWriterInit) {
    this.fs = init.fileSystem ?? NODE_FILE_SYSTEM;
    this.flushIntervalMs = init.flushIntervalMs ?? FLUSH_INTERVAL_MS;
    this.maxBatchBytes = init.maxBatchBytes ?? MAX_BATCH_BYTES;
  }

  /** Lines queued and not written yet: what a crash now would lose. */
  get queuedLines(): number {
    return this.lines.length + this.writing;
  }

  /**
   * Queues one line (with its newline). Returns a promise, shared by the lines
   * of its batch, that resolves once the batch is written (or counted as lost);
   * `undefined` when the queue is full and the line was dropped.
   */
  append(day: string, line: string): Promise<void> | undefined {
    if (this.queuedBytes + line.length > this.init.maxQueuedBytes) return undefined;
    this.lines.push(line);
    this.days.push(day);
    this.queuedBytes += line.length;
    const batch = (this.batch ??= new Batch());
    // A drain in progress takes this line in its next write; otherwise the timer (or a full batch) starts one.
    if (this.draining === undefined) this.schedule();
    return batch.written;
  }

  /** Writes what is queued now and resolves when every line queued so far is written (or counted as lost). */
  async flush(): Promise<void> {
    while (this.lines.length > 0 || this.draining) {
      if (this.draining === undefined) this.startDrain();
      await this.draining;
    }
  }

  /** Flushes and closes the open file. */
  async close(): Promise<void> {
    await this.flush();
    await this.closeSegment();
  }

  private startDrain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lines.length > 0) this.draining ??= this.drain();
  }

  /** Writes the batch queued now; lines queued meanwhile wait for their own timer, so batches stay whole under load. */
  private async drain(): Promise<void> {
    const { lines, days } = this;
    const batch = this.batch as Batch;
    this.lines = [];
    this.days = [];
    this.batch = undefined;
    this.queuedBytes = 0;
    this.writing = lines.length;
    let start = 0;
    // A batch may straddle midnight: one write per day file.
    while (start < lines.length) {
      const day = days[start] as string;
      let end = start + 1;
      while (end < lines.length && days[end] === day) end++;
      const text = start === 0 && end === lines.length ? lines.join('') : lines.slice(start, end).join('');
      await this.write(day, text, end - start);
      start = end;
    }
    this.writing = 0;
    batch.resolve();
    this.draining = undefined;
    if (this.lines.length > 0) this.schedule();
  }

  /** A full batch is written now, any other when its timer fires. */
  private schedule(): void {
    if (this.queuedBytes >= this.maxBatchBytes) this.startDrain();
    else this.timer ??= setTimeout(() => this.startDrain(), this.flushIntervalMs);
  }

  private async write(day: string, text: string, records: number): Promise<void> {
    const bytes = Buffer.from(text);
    let written = 0;
    try {
      const file = await this.fileFor(day);
      // write(2) may write less than asked, as when the disk fills up: write the rest, or fail.
      while (written < bytes.length) {
        const { bytesWritten } = await file.write(bytes, written, bytes.length - written);
        if (bytesWritten <= 0) throw new Error('write made no progress');
        written += bytesWritten;
      }
    } catch (error) {
      // The file may now end in a torn line: start a fresh file so it stays the last line of its own.
      await this.closeSegment();
      this.writer = newWriterId();
      // Lines hold no raw newline (JSON escapes it), so the whole lines written are the newlines written.
      this.init.onWriteError(error, records - countNewlines(bytes, written));
    }
  }

  private async fileFor(day: string): Promise<SegmentFile> {
    const open = this.segment;
    if (open?.day === day && (await this.stillNamed(open))) return open.file;
    await this.closeSegment();
    await this.fs.mkdir(this.init.directory, { recursive: true });
    const path = join(this.init.directory, dayFileName(day, this.writer));
    const file = await this.fs.open(path, 'a');
    try {
      this.segment = { day, path, file, identity: await file.stat(), checkedAt: performance.now() };
    } catch (error) {
      await file.close().catch(() => undefined);
      throw error;
    }
    return file;
  }

  /**
   * False when the open file's path now names another file, or none: it was
   * deleted or replaced, and lines appended to it would never be read.
   * Checked at most every `identityCheckMs`.
   */
  private async stillNamed(segment: OpenSegment): Promise<boolean> {
    const now = performance.now();
    if (now - segment.checkedAt < (this.init.identityCheckMs ?? IDENTITY_CHECK_MS)) return true;
    segment.checkedAt = now;
    try {
      const named = await this.fs.stat(segment.path);
      if (named.ino === segment.identity.ino && named.dev === segment.identity.dev) return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.init.onReopen?.(segment.path);
    return false;
  }

  private async closeSegment(): Promise<void> {
    const open = this.segment;
    this.segment = undefined;
    await open?.file.close().catch(() => undefined);
  }
}

function countNewlines(bytes: Buffer, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i < end; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

function newWriterId(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The lines written together: one promise for all of them. */
class Batch {
  resolve!: () => void;
  readonly written = new Promise<void>((resolve) => {
    this.resolve = resolve;
  });
}
