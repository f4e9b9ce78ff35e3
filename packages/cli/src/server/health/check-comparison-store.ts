import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DashboardContext } from '../dashboard-context.js';
import type { CheckFinding } from './health-report.js';

/**
 * The comparison store: its directory can be listed and written (a probe file,
 * named so the store never reads it, is written and removed), and the store
 * has not lost records to disk errors or a full queue.
 */
export async function checkComparisonStore(context: Pick<DashboardContext, 'store' | 'storeDirectory'>): Promise<CheckFinding> {
  const stats = context.store.stats();
  if (context.storeDirectory !== undefined) {
    const directory = context.storeDirectory;
    await mkdir(directory, { recursive: true });
    await readdir(directory);
    const probe = join(directory, `.health-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await writeFile(probe, 'ok\n');
    } finally {
      await rm(probe, { force: true });
    }
  }
  const lost = stats.writeErrors + stats.dropped;
  if (lost > 0) return { status: 'warn', message: `${stats.writeErrors} record(s) lost to write errors, ${stats.dropped} dropped` };
  const where = context.storeDirectory === undefined ? 'directory not given, not probed' : `${context.storeDirectory} readable and writable`;
  return { status: 'pass', message: `${where}; ${stats.written} record(s) written by this process` };
}
