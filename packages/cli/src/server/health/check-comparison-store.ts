import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DashboardContext } from '../dashboard-context.js';
import type { CheckFinding } from './health-report.js';

/**
 * The comparison store: a database store's server answers a round trip (its
 * latency is reported; the reason when it is unreachable), a file store's
 * directory can be listed and written (a probe file, named so the store never
 * reads it, is written and removed), and the store has not lost records to
 * write errors or a full queue.
 */
export async function checkComparisonStore(context: Pick<DashboardContext, 'store' | 'storeDirectory'>): Promise<CheckFinding> {
  const where = context.store.ping ? await pingServer(context.store.ping.bind(context.store)) : await probeDirectory(context.storeDirectory);
  if (typeof where !== 'string') return where;
  const stats = context.store.stats();
  const lost = stats.writeErrors + stats.dropped;
  if (lost > 0) return { status: 'warn', message: `${where}; ${stats.writeErrors} record(s) lost to write errors, ${stats.dropped} dropped` };
  return { status: 'pass', message: `${where}; ${stats.written} record(s) written by this process` };
}

async function pingServer(ping: () => Promise<void>): Promise<string | CheckFinding> {
  const started = performance.now();
  try {
    await ping();
  } catch (error) {
    return { status: 'fail', message: `database unreachable: ${reasonOf(error)}` };
  }
  return `database answered in ${(performance.now() - started).toFixed(1)} ms`;
}

async function probeDirectory(directory: string | undefined): Promise<string> {
  if (directory === undefined) return 'directory not given, not probed';
  await mkdir(directory, { recursive: true });
  await readdir(directory);
  const probe = join(directory, `.health-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, 'ok\n');
  } finally {
    await rm(probe, { force: true });
  }
  return `${directory} readable and writable`;
}

// A refused connection to a host with several addresses is an AggregateError with no message of its own.
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(reasonOf).join('; ');
  if (error instanceof Error) return error.message || ((error as { code?: string }).code ?? error.name);
  return String(error);
}
