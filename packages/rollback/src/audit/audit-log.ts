import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditRecord } from './audit-record.js';

/**
 * The append-only audit trail of flag changes: rollbacks, stage
 * changes, rollout steps, approvals. One JSON line per record, each appended
 * with a single O_APPEND write, so concurrent writers never split each other's
 * lines; a torn last line (a crash mid-write) is skipped on reading.
 */
export class AuditLog {
  constructor(readonly path: string) {}

  /** Appends a record; `at` defaults to now. */
  async append(record: Omit<AuditRecord, 'at'> & { at?: string }): Promise<AuditRecord> {
    const full: AuditRecord = { ...record, at: record.at ?? new Date().toISOString() };
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(full)}\n`);
    return full;
  }

  /** Every record, oldest first, optionally filtered; a missing log is empty. */
  async read(filter: (record: AuditRecord) => boolean = () => true): Promise<AuditRecord[]> {
    const records: AuditRecord[] = [];
    const lines = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        const record = parseLine(line);
        if (record && filter(record)) records.push(record);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return records;
  }

  /** The most recent `count` records, newest first. */
  async recent(count: number): Promise<AuditRecord[]> {
    return (await this.read()).slice(-count).reverse();
  }
}

function parseLine(line: string): AuditRecord | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as AuditRecord;
    return typeof value.at === 'string' && typeof value.action === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
