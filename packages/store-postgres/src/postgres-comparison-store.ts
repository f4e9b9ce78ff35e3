import { consoleLogger } from '@cutover/core';
import type { ComparisonRecord, ComparisonStore, ComparisonSummary, Logger, RecordRange } from '@cutover/migrate';
import pg from 'pg';
import { BatchWriter } from './batch-writer.js';
import type { ComparisonRow, IdentifiedRecord } from './comparison-rows.js';
import { COLUMNS, fromRow, RECORDSET_TYPES, toRecordset } from './comparison-rows.js';
import type { PostgresComparisonStoreConfig, PostgresComparisonStoreOptions } from './postgres-comparison-store-config.js';
import { resolvePostgresComparisonStoreConfig } from './postgres-comparison-store-config.js';
import { rangeFilter } from './range-filter.js';
import { migrateSchema } from './schema-migrations.js';
import { SpillArea } from './spill-area.js';
import { summarize } from './summarize.js';
import { timeOrderedId } from './time-ordered-id.js';

const CONSOLE_LOGGER = consoleLogger('[cutover/store-postgres]');
const PAGE = 1000;
const RETENTION_EVERY_MS = 60 * 60 * 1000;

/** Where a {@link PostgresComparisonStore} keeps its records. */
export interface PostgresComparisonStoreInit {
  /** A PostgreSQL connection string, `postgres://user:password@host:5432/database`. */
  readonly url: string;
  /**
   * A local directory for records that cannot reach PostgreSQL (down, slow,
   * queue full); they are replayed once it answers. One process per directory.
   * Without it such records wait in the bounded queue, beyond it they are dropped and counted.
   */
  readonly spillDirectory?: string;
  /** @default console, prefixed */
  readonly logger?: Logger;
  readonly options?: PostgresComparisonStoreOptions;
}

/** Counters of a {@link PostgresComparisonStore}. */
export interface PostgresComparisonStoreStats {
  /** Records inserted straight from the queue. */
  readonly written: number;
  /** Records that went to the spill directory. */
  readonly spilled: number;
  /** Spilled records inserted later (a replay cut short is repeated whole, so a record may count twice). */
  readonly replayed: number;
  /** Records lost to a full queue without a spill directory, or to the spill itself. */
  readonly dropped: number;
  /** Records lost because PostgreSQL failed and nothing could keep them. */
  readonly writeErrors: number;
  /** Records waiting in memory now. */
  readonly queued: number;
  /** False while PostgreSQL does not answer. */
  readonly available: boolean;
}

/**
 * A comparison store a fleet shares, in PostgreSQL. `record` never blocks and
 * never rejects: records are batched off the caller's path from a bounded
 * queue; while PostgreSQL is slow or down they spill to local JSONL and are
 * replayed later (inserts are idempotent, by a per-record id). The schema is
 * created by versioned migrations; summaries are computed in SQL; records
 * older than `retentionDays` UTC days are deleted hourly.
 */
export class PostgresComparisonStore implements ComparisonStore {
  /** The resolved options. */
  readonly config: Readonly<PostgresComparisonStoreConfig>;
  /** Every instance writes to the same database: summaries are the fleet's. */
  readonly shared = true;
  private readonly pool: pg.Pool;
  private readonly logger: Logger;
  private readonly spill: SpillArea | undefined;
  private readonly writer: BatchWriter;
  private readonly retention: NodeJS.Timeout | undefined;
  private schemaReady: Promise<void> | undefined;
  private startupRetention: Promise<unknown> = Promise.resolve();

  constructor(init: PostgresComparisonStoreInit) {
    this.config = Object.freeze(resolvePostgresComparisonStoreConfig(init.options));
    this.logger = init.logger ?? CONSOLE_LOGGER;
    const { poolSize, queryTimeoutMs } = this.config;
    this.pool = new pg.Pool({ connectionString: init.url, max: poolSize, connectionTimeoutMillis: queryTimeoutMs, query_timeout: queryTimeoutMs });
    // A connection PostgreSQL closes while idle is reported here; the next query notices and is counted.
    this.pool.on('error', (error) => this.logger.warn('postgres comparison store: idle connection closed', error.message));
    this.spill = init.spillDirectory === undefined ? undefined : new SpillArea(init.spillDirectory, this.logger);
    this.writer = new BatchWriter({
      insert: (batch) => this.insert(batch),
      probe: async () => {
        await this.ready();
        await this.pool.query('SELECT 1');
      },
      spill: this.spill,
      config: this.config,
      logger: this.logger,
    });
    this.writer.start();
    if (this.config.retentionDays > 0) {
      this.retention = setInterval(() => void this.applyRetention().catch(() => undefined), RETENTION_EVERY_MS).unref();
    }
  }

  /** Queues one record; resolves when it is stored, spilled or counted as lost. Never rejects. */
  record(record: ComparisonRecord): Promise<void> {
    return this.writer.push({ id: timeOrderedId(), record });
  }

  /** {@inheritDoc ComparisonStore.getSummary} */
  async getSummary(range: RecordRange = {}): Promise<ComparisonSummary> {
    await this.beforeRead();
    return summarize(this.pool, this.config.schema, range);
  }

  /** The records of `range` in time order, read a page at a time. */
  async *records(range: RecordRange = {}): AsyncGenerator<ComparisonRecord> {
    await this.beforeRead();
    const { where, params } = rangeFilter(range);
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const n = params.length;
      const page = await this.pool.query<ComparisonRow>(
        `SELECT ${COLUMNS} FROM ${this.config.schema}.comparisons
        WHERE ${where}${after ? ` AND (recorded_at, id) > ($${n + 1}, $${n + 2})` : ''}
        ORDER BY recorded_at, id LIMIT ${PAGE}`,
        after ? [...params, after.at, after.id] : params,
      );
      for (const row of page.rows) yield fromRow(row);
      const last = page.rows.at(-1);
      if (!last || page.rows.length < PAGE) return;
      after = { at: last.recorded_at, id: last.id };
    }
  }

  /** {@inheritDoc ComparisonStore.getRecent} */
  async getRecent(count: number): Promise<ComparisonRecord[]> {
    await this.beforeRead();
    const { rows } = await this.pool.query<ComparisonRow>(`SELECT ${COLUMNS} FROM ${this.config.schema}.comparisons ORDER BY recorded_at DESC, id DESC LIMIT $1`, [count]);
    return rows.map(fromRow);
  }

  /**
   * Deletes the records of UTC days older than `retentionDays` (with 30: today
   * and the 30 days before it stay). Runs hourly; returns the rows deleted.
   */
  async applyRetention(now = new Date()): Promise<number> {
    if (this.config.retentionDays === 0) return 0;
    await this.ready();
    // The run the schema's set-up started deletes by the real clock: never race it.
    await this.startupRetention;
    return this.deleteOlderDays(now);
  }

  private async deleteOlderDays(now: Date): Promise<number> {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const cutoff = new Date(today - this.config.retentionDays * 86_400_000);
    const result = await this.pool.query(`DELETE FROM ${this.config.schema}.comparisons WHERE recorded_at < $1`, [cutoff]);
    return result.rowCount ?? 0;
  }

  /** {@inheritDoc ComparisonStore.flush} */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Flushes (spilling what PostgreSQL does not take), closes the spill and the pool. */
  async close(): Promise<void> {
    clearInterval(this.retention);
    await this.writer.close();
    await this.spill?.close();
    await this.pool.end();
  }

  /** {@inheritDoc ComparisonStore.ping} Within `queryTimeoutMs`, as every query. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** A snapshot of the counters. */
  stats(): PostgresComparisonStoreStats {
    const { written, spilled, replayed, dropped, writeErrors } = this.writer.counts;
    return { written, spilled, replayed, dropped: dropped + (this.spill?.losses() ?? 0), writeErrors, queued: this.writer.queued, available: this.writer.available };
  }

  /** The schema in place (migrated once per store; retried after a failure). */
  private ready(): Promise<void> {
    this.schemaReady ??= migrateSchema(this.pool, this.config.schema).then(
      () => this.applyRetentionOnce(),
      (error: unknown) => {
        this.schemaReady = undefined;
        throw error;
      },
    );
    return this.schemaReady;
  }

  private applyRetentionOnce(): void {
    if (this.config.retentionDays === 0) return;
    this.startupRetention = this.deleteOlderDays(new Date()).catch((error: unknown) => this.logger.warn('postgres comparison store: retention failed', error));
  }

  private async beforeRead(): Promise<void> {
    await this.ready();
    // This process's own recent records belong in what it reads.
    if (this.writer.available) await this.writer.flush();
  }

  private async insert(batch: readonly IdentifiedRecord[]): Promise<void> {
    await this.ready();
    await this.pool.query(
      `INSERT INTO ${this.config.schema}.comparisons (${COLUMNS}) SELECT ${COLUMNS} FROM json_to_recordset($1::json) AS r(${RECORDSET_TYPES}) ON CONFLICT (recorded_at, id) DO NOTHING`,
      [toRecordset(batch)],
    );
  }
}
