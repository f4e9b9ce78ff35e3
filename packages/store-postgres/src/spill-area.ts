import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileComparisonStore } from '@cutover/migrate';
import type { Logger } from '@cutover/migrate';
import type { IdentifiedRecord } from './comparison-rows.js';

const GENERATION = /^spill-\d+-[0-9a-f]+$/;

/** A spilled record as it lies on disk: the record with its id beside it. */
type SpilledRecord = IdentifiedRecord['record'] & { readonly spillId?: string };

/**
 * Records that could not reach PostgreSQL, on local disk as JSONL (one
 * {@link FileComparisonStore} per generation directory). Replaying rotates to
 * a new generation, so records spilled meanwhile are never read half-written.
 * One process owns a spill directory.
 */
export class SpillArea {
  private current: { name: string; store: FileComparisonStore } | undefined;
  private lost = 0;

  constructor(
    private readonly directory: string,
    private readonly logger: Logger,
  ) {}

  /** Appends one record; resolves when it reached the disk or was counted as lost. */
  append({ id, record }: IdentifiedRecord): Promise<void> {
    this.current ??= this.generation();
    const spilled: SpilledRecord = { ...record, spillId: id };
    return this.current.store.record(spilled);
  }

  /** Records lost by the spill itself (full queue, disk errors). */
  losses(): number {
    const store = this.current?.store.stats();
    return this.lost + (store ? store.dropped + store.writeErrors : 0);
  }

  /** Closes the current generation and lists every closed one, oldest first (leftovers of an earlier run included). */
  async rotate(): Promise<string[]> {
    const closing = this.current;
    this.current = undefined;
    if (closing) {
      await closing.store.close();
      const stats = closing.store.stats();
      this.lost += stats.dropped + stats.writeErrors;
    }
    const names = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    return names.filter((n) => GENERATION.test(n) && n !== this.current?.name).sort();
  }

  /** The records of a closed generation, in batches of `size`. */
  async *read(name: string, size: number): AsyncGenerator<IdentifiedRecord[]> {
    const store = new FileComparisonStore({ directory: join(this.directory, name), logger: this.logger });
    let batch: IdentifiedRecord[] = [];
    for await (const spilled of store.records()) {
      const { spillId, ...record } = spilled as SpilledRecord;
      // A record without an id (written by hand) still replays, under a fresh one.
      batch.push({ id: spillId ?? randomUUID(), record });
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Deletes a replayed generation. */
  async remove(name: string): Promise<void> {
    await rm(join(this.directory, name), { recursive: true, force: true });
  }

  /** Flushes and closes the current generation. */
  async close(): Promise<void> {
    await this.rotate();
  }

  private generation(): { name: string; store: FileComparisonStore } {
    const name = `spill-${Date.now()}-${randomBytes(4).toString('hex')}`;
    return { name, store: new FileComparisonStore({ directory: join(this.directory, name), logger: this.logger }) };
  }
}
