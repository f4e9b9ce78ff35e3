// One application process of test/fleet-engines.test.ts: a CutoverProvider
// whose flags come from flagd (the remote layer, in-process: flagd's sync
// stream; no local flag file), a Migration whose item lock is a RedisItemLock
// and whose store is a PostgresComparisonStore (spilling to its own
// directory), and MigrationMetrics for Prometheus to scrape.
// Processing an item, the side effect, is done under the lock by the
// authoritative run only: it skips an item already marked done in the shared
// markers directory, else marks it and appends {item, path, token} to this
// process's ledger. HTTP on 127.0.0.1:
//   POST /items/<n>  processes item n: {status: "ok"|"locked"|"error", ms}
//   GET  /flag       what the flag serves now and from where: {value, source}
//   GET  /metrics    the Prometheus exposition
//   GET  /stats      the lock's, the store's and the runner's counters, and the comparisons recorded
//   POST /close      flushes and closes the store and the lock
// Configured by FLEET_FLAGD_SYNC_PORT, FLEET_FLAG_KEY, FLEET_REDIS_URL, FLEET_PG_URL,
// FLEET_SPILL_DIR, FLEET_MARKERS_DIR, FLEET_LEDGER. Prints {"port": n}.
import { existsSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { MigrationMetrics } from '@cutover/hooks';
import { RedisItemLock } from '@cutover/lock-redis';
import { ItemLockedError, Migration } from '@cutover/migrate';
import type { ComparisonOutcome, Logger, RunContext } from '@cutover/migrate';
import { CutoverProvider, flagdRemote } from '@cutover/provider';
import { PostgresComparisonStore } from '@cutover/store-postgres';
import { OpenFeature } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { serveUntilStopped } from './serve-until-stopped.js';

const env = process.env;
const required = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const [flagKey, markers, ledger] = [required('FLEET_FLAG_KEY'), required('FLEET_MARKERS_DIR'), required('FLEET_LEDGER')];
const quiet: Logger = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined };

const provider = new CutoverProvider({
  files: [],
  rollbackOverlay: false,
  watch: false,
  env: {},
  // flagd 0.11's fractional arithmetic.
  bucketing: 'v1',
  logger: quiet,
  remote: flagdRemote({ resolverType: 'in-process', host: '127.0.0.1', port: Number(required('FLEET_FLAGD_SYNC_PORT')), logger: quiet }),
});
await OpenFeature.setProviderAndWait('fleet', provider);
const client = OpenFeature.getClient('fleet');
const lock = new RedisItemLock({ url: required('FLEET_REDIS_URL'), logger: quiet, options: { commandTimeoutMs: 200 } });
const store = new PostgresComparisonStore({
  url: required('FLEET_PG_URL'),
  spillDirectory: required('FLEET_SPILL_DIR'),
  logger: quiet,
  options: { retryIntervalMs: 200, queryTimeoutMs: 1000, retentionDays: 0 },
});

/** The side effect: once per item fleet-wide, as long as the lock keeps check and mark together. */
async function processOnce(item: number, run: RunContext): Promise<void> {
  if (run.readonly) return;
  const marker = join(markers, String(item));
  if (existsSync(marker)) return;
  await new Promise((resolve) => setTimeout(resolve, 15));
  await appendFile(ledger, `${JSON.stringify({ item, path: run.path, token: run.fencingToken ?? null, pid: process.pid })}\n`);
  await writeFile(marker, run.path);
}

const outcomes: Record<ComparisonOutcome, number> = { match: 0, mismatch: 0, error: 0 };
const migration = new Migration<number, { n: number }>({
  flagKey,
  client,
  read: {
    legacy: async (item, run) => (await processOnce(item, run), { n: item * 2 }),
    candidate: async (item, run) => (await processOnce(item, run), { n: item % 10 === 0 ? item : item * 2 }),
  },
  lock: { lock, key: String },
  store,
  listeners: [(event) => void (event.type === 'comparison' && outcomes[event.outcome]++)],
  logger: quiet,
  options: { lockTtlMs: 5000 },
});
const registry = new Registry();
new MigrationMetrics({ registry, logger: quiet }).attach(migration);

const json = (res: ServerResponse, body: unknown): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const server = createServer((req, res) => {
  const item = /^\/items\/(\d+)$/.exec(req.url ?? '')?.[1];
  if (item && req.method === 'POST') {
    const started = performance.now();
    migration.read(Number(item)).then(
      () => json(res, { status: 'ok', ms: performance.now() - started }),
      (error: unknown) => json(res, { status: error instanceof ItemLockedError ? 'locked' : 'error', ms: performance.now() - started, message: String(error) }),
    );
  } else if (req.url === '/flag') {
    void client.getStringDetails(flagKey, 'unset').then((details) => json(res, { value: details.value, source: details.flagMetadata.source }));
  } else if (req.url === '/metrics') {
    void registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
  } else if (req.url === '/stats') {
    json(res, { outcomes, lock: lock.stats(), store: store.stats(), migration: migration.stats() });
  } else if (req.url === '/close' && req.method === 'POST') {
    void Promise.all([store.close(), lock.close()]).then(() => json(res, { outcomes, store: store.stats() }));
  } else res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
serveUntilStopped(server, { onStop: () => undefined, lifetimeMs: 180_000 });
