import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@cutover/migrate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchWriter } from './batch-writer.js';
import type { BatchWriterInit } from './batch-writer.js';
import type { IdentifiedRecord } from './comparison-rows.js';
import { SpillArea } from './spill-area.js';

const quiet = (): Logger => ({ warn: vi.fn(), error: vi.fn() });

/** A PostgreSQL that stores batches by id, and can be down. */
class FakeDatabase {
  down = false;
  readonly rows = new Map<string, IdentifiedRecord>();
  readonly batches: number[] = [];

  readonly insert = async (batch: readonly IdentifiedRecord[]): Promise<void> => {
    if (this.down) throw new Error('ECONNREFUSED');
    this.batches.push(batch.length);
    for (const entry of batch) this.rows.set(entry.id, entry);
  };

  readonly probe = async (): Promise<void> => {
    if (this.down) throw new Error('ECONNREFUSED');
  };
}

function entry(i: number): IdentifiedRecord {
  const path = { status: 'ok', durationMs: i } as const;
  return { id: `id-${i}`, record: { timestamp: new Date().toISOString(), flagKey: 'f', stage: 'shadow', outcome: 'match', legacy: path, candidate: path, differences: [] } };
}

const config = { batchSize: 10, flushIntervalMs: 5, maxQueuedRecords: 50, retryIntervalMs: 10 };

describe(BatchWriter.name, () => {
  let dir: string;
  beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'batch-writer-'))));
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  const setup = (init: Partial<BatchWriterInit> = {}) => {
    const db = new FakeDatabase();
    const writer = new BatchWriter({ insert: db.insert, probe: db.probe, spill: undefined, config, logger: quiet(), ...init });
    return { db, writer };
  };

  it('writes full batches at once and the rest after flushIntervalMs', async () => {
    const { db, writer } = setup();
    await Promise.all(Array.from({ length: 25 }, (_, i) => writer.push(entry(i))));
    expect(db.batches).toEqual([10, 10, 5]);
    expect(writer.counts.written).toBe(25);
  });

  it('never blocks the caller: push returns before anything is written', () => {
    const { db, writer } = setup();
    void writer.push(entry(1));
    expect(db.rows.size).toBe(0);
    expect(writer.queued).toBe(1);
  });

  it('drops and counts what does not fit the bounded queue while the database is away', async () => {
    const { db, writer } = setup();
    db.down = true;
    for (let i = 0; i < 200; i++) void writer.push(entry(i));
    await vi.waitFor(() => expect(writer.available).toBe(false));
    expect(writer.queued).toBeLessThanOrEqual(config.maxQueuedRecords);
    expect(writer.counts.dropped + writer.counts.writeErrors).toBe(200 - writer.queued);
    db.down = false;
    await vi.waitFor(() => expect(writer.queued).toBe(0));
    expect(db.rows.size + writer.counts.dropped + writer.counts.writeErrors).toBe(200);
  });

  it('spills while the database is away and replays once it answers, each record once', async () => {
    const db = new FakeDatabase();
    const writer = new BatchWriter({ insert: db.insert, probe: db.probe, spill: new SpillArea(dir, quiet()), config, logger: quiet() });
    await writer.push(entry(0));
    db.down = true;
    await Promise.all(Array.from({ length: 300 }, (_, i) => writer.push(entry(i + 1))));
    expect(writer.counts).toMatchObject({ spilled: 300, dropped: 0 });
    db.down = false;
    await vi.waitFor(() => expect(writer.counts.replayed).toBe(300));
    expect(db.rows.size).toBe(301);
  });

  it('replays what an earlier run left in the spill directory when it starts', async () => {
    const spill = new SpillArea(dir, quiet());
    await Promise.all([1, 2, 3].map((i) => spill.append(entry(i))));
    await spill.close();
    const db = new FakeDatabase();
    const writer = new BatchWriter({ insert: db.insert, probe: db.probe, spill: new SpillArea(dir, quiet()), config, logger: quiet() });
    writer.start();
    await vi.waitFor(() => expect(db.rows.size).toBe(3));
    expect([...db.rows.keys()].sort()).toEqual(['id-1', 'id-2', 'id-3']);
  });
});
