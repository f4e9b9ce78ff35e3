import type { Logger } from '@cutover/migrate';
import type { IdentifiedRecord } from './comparison-rows.js';
import type { PostgresComparisonStoreConfig } from './postgres-comparison-store-config.js';
import type { SpillArea } from './spill-area.js';

/** What a {@link BatchWriter} writes with. */
export interface BatchWriterInit {
  /** Inserts a batch idempotently (by id); rejects when PostgreSQL is unavailable. */
  readonly insert: (batch: readonly IdentifiedRecord[]) => Promise<void>;
  /** Resolves when PostgreSQL answers again (and the schema is in place). */
  readonly probe: () => Promise<void>;
  readonly spill: SpillArea | undefined;
  readonly config: Pick<PostgresComparisonStoreConfig, 'batchSize' | 'flushIntervalMs' | 'maxQueuedRecords' | 'retryIntervalMs'>;
  readonly logger: Logger;
}

/** Counters of a {@link BatchWriter}. */
export interface BatchWriterCounts {
  written: number;
  spilled: number;
  replayed: number;
  dropped: number;
  writeErrors: number;
}

// Batches in flight at once (the pool's default size): commits overlap, and the server's cores share the inserts.
const PARALLEL_BATCHES = 4;

interface Pending {
  readonly entry: IdentifiedRecord;
  readonly done: () => void;
}

/**
 * Writes records to PostgreSQL in batches, off the caller's path, from a
 * bounded queue. While PostgreSQL is unavailable records spill to disk (or,
 * without a spill area, wait in the queue while it has room and are dropped
 * and counted beyond it); once it answers again the spill is replayed.
 */
export class BatchWriter {
  readonly counts: BatchWriterCounts = { written: 0, spilled: 0, replayed: 0, dropped: 0, writeErrors: 0 };
  private queue: Pending[] = [];
  private writing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private reachable = true;
  private closed = false;
  private readonly spilling = new Set<Promise<void>>();

  constructor(private readonly init: BatchWriterInit) {}

  /** True while the last write or probe reached PostgreSQL. */
  get available(): boolean {
    return this.reachable;
  }

  /** Records waiting in memory. */
  get queued(): number {
    return this.queue.length;
  }

  /** Checks PostgreSQL and replays what an earlier run spilled. */
  start(): void {
    void this.init.probe().then(() => this.replay(), (error: unknown) => this.unavailable(error));
  }

  /** Queues one record; resolves when it is in PostgreSQL, on disk, or counted as lost. Never blocks, never rejects. */
  push(entry: IdentifiedRecord): Promise<void> {
    const { spill, config } = this.init;
    if (!this.reachable && spill) return this.toSpill(spill, [entry]);
    if (this.queue.length >= config.maxQueuedRecords) {
      if (spill) return this.toSpill(spill, [entry]);
      this.drop(1, 'queue full');
      return Promise.resolve();
    }
    return new Promise((done) => {
      this.queue.push({ entry, done });
      if (this.queue.length >= config.batchSize) void this.drain();
      else this.timer ??= setTimeout(() => void this.drain(), config.flushIntervalMs).unref();
    });
  }

  /** Resolves when every record pushed so far is written, spilled or counted; records that can only wait (no spill area, PostgreSQL away) stay queued. */
  async flush(): Promise<void> {
    do {
      await this.drain();
      await Promise.all(this.spilling);
    } while (this.reachable && (this.queue.length > 0 || this.spilling.size > 0));
  }

  /** Flushes, then stops retrying. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.retry);
    // What could not be written is lost with the process: counted.
    if (this.queue.length > 0) this.drop(this.queue.length, 'closed while PostgreSQL was unavailable');
    for (const pending of this.queue.splice(0)) pending.done();
  }

  private drain(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing ??= this.writeAll().finally(() => {
      this.writing = undefined;
      // Records pushed while the last batch settled found this drain still running: start another.
      if (this.queue.length > 0 && this.reachable) void this.drain();
    });
    return this.writing;
  }

  private async writeAll(): Promise<void> {
    const { spill, config } = this.init;
    const inFlight = new Set<Promise<void>>();
    while (this.reachable && (this.queue.length > 0 || inFlight.size > 0)) {
      while (this.reachable && this.queue.length > 0 && inFlight.size < PARALLEL_BATCHES) {
        const written: Promise<void> = this.write(this.queue.splice(0, config.batchSize)).finally(() => inFlight.delete(written));
        inFlight.add(written);
      }
      if (inFlight.size > 0) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (!this.reachable && spill) {
      const waiting = this.queue.splice(0);
      await this.toSpill(spill, waiting.map((p) => p.entry)).then(() => waiting.forEach((p) => p.done()));
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const { insert, spill } = this.init;
    try {
      await insert(batch.map((p) => p.entry));
      this.counts.written += batch.length;
      for (const pending of batch) pending.done();
    } catch (error) {
      this.unavailable(error);
      if (spill) await this.toSpill(spill, batch.map((p) => p.entry)).then(() => batch.forEach((p) => p.done()));
      else this.requeue(batch);
    }
  }

  /** Puts a failed batch back at the front while the queue has room; the rest is dropped and counted. */
  private requeue(batch: Pending[]): void {
    const room = Math.max(0, this.init.config.maxQueuedRecords - this.queue.length);
    const kept = batch.slice(0, room);
    const lost = batch.slice(room);
    this.queue.unshift(...kept);
    if (lost.length > 0) {
      this.counts.writeErrors += lost.length;
      this.init.logger.error(`postgres comparison store: ${lost.length} record(s) lost (PostgreSQL unavailable, queue full, no spill directory)`);
      for (const pending of lost) pending.done();
    }
  }

  private toSpill(spill: SpillArea, entries: readonly IdentifiedRecord[]): Promise<void> {
    this.counts.spilled += entries.length;
    const written = Promise.all(entries.map((e) => spill.append(e))).then(() => undefined);
    this.spilling.add(written);
    void written.finally(() => this.spilling.delete(written));
    return written;
  }

  private unavailable(error: unknown): void {
    if (!this.reachable || this.closed) return;
    this.reachable = false;
    this.init.logger.error(`postgres comparison store: PostgreSQL unavailable, ${this.init.spill ? 'spilling to disk' : 'queueing'} until it answers`, error);
    this.retry = setInterval(() => void this.tryAgain(), this.init.config.retryIntervalMs).unref();
  }

  private trying = false;

  private async tryAgain(): Promise<void> {
    if (this.trying) return;
    this.trying = true;
    try {
      await this.init.probe();
      clearInterval(this.retry);
      this.reachable = true;
      this.init.logger.warn('postgres comparison store: PostgreSQL answers again; replaying what was spilled');
      await this.replay();
      void this.drain();
    } catch {
      // Still away: the next interval tries again.
    } finally {
      this.trying = false;
    }
  }

  /** Inserts every closed spill generation (idempotently), then deletes it; stops at the first failure. */
  private async replay(): Promise<void> {
    const { spill, insert, config } = this.init;
    if (!spill) return;
    for (const name of await spill.rotate()) {
      try {
        for await (const batch of spill.read(name, config.batchSize)) {
          await insert(batch);
          this.counts.replayed += batch.length;
        }
        await spill.remove(name);
      } catch (error) {
        this.unavailable(error);
        return;
      }
    }
  }

  private drop(count: number, reason: string): void {
    const dropped = (this.counts.dropped += count);
    if (dropped - count < 10 || Math.floor(dropped / 1000) > Math.floor((dropped - count) / 1000)) {
      this.init.logger.error(`postgres comparison store: ${count} record(s) dropped (${reason}; ${dropped} so far)`);
    }
  }
}
