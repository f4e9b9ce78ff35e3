// One instance of a fleet for test/fleet-guard.test.ts, run as a child
// process: a CutoverProvider on the shared flag files (watched), a Migration
// under steady traffic, MigrationMetrics, and HTTP on 127.0.0.1:
//   GET  /metrics  the Prometheus exposition
//   GET  /flag     {"stage": <what the flag serves now>, "calls": n}
//   POST /inject   the candidate starts failing 20 % of calls
// Prints {"port": n} once listening. Exits on SIGTERM, when its parent's
// stdin pipe closes, or after FLEET_SERVICE_LIFETIME_MS at the latest.
import { createServer } from 'node:http';
import { MigrationMetrics } from '@cutover/hooks';
import { Migration } from '@cutover/migrate';
import { CutoverProvider } from '@cutover/provider';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { serveUntilStopped } from './serve-until-stopped.js';

const file = process.env.FLEET_FLAG_FILE;
const flagKey = process.env.FLEET_FLAG_KEY;
if (!file || !flagKey) throw new Error('FLEET_FLAG_FILE and FLEET_FLAG_KEY are required');
const lifetimeMs = Number(process.env.FLEET_SERVICE_LIFETIME_MS ?? 120_000);

const quiet: Logger = { error: (...a: unknown[]) => console.error(...a), warn: () => {}, info: () => {}, debug: () => {} };
const provider = new CutoverProvider({ files: [file], watch: true, env: {}, logger: quiet });
await OpenFeature.setProviderAndWait('fleet', provider);
const client = OpenFeature.getClient('fleet');

const registry = new Registry();
const metrics = new MigrationMetrics({ registry, logger: quiet });
let failing = false;
let calls = 0;
const migration = new Migration<number, number>({
  flagKey,
  client,
  read: {
    legacy: (n) => {
      if (n % 100 === 0) throw new Error('legacy hiccup');
      return n * 2;
    },
    candidate: (n) => {
      if (failing && n % 5 === 0) throw new Error('candidate regression');
      return n * 2;
    },
  },
  logger: quiet,
});
metrics.attach(migration);

const server = createServer((req, res) => {
  if (req.url === '/metrics') {
    void registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
  } else if (req.url === '/flag') {
    void client.getStringValue(flagKey, 'unknown').then((stage) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stage, calls })));
  } else if (req.url === '/inject' && req.method === 'POST') {
    failing = true;
    res.writeHead(204).end();
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

let running = true;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function traffic(): Promise<void> {
  while (running) {
    const n = ++calls;
    await migration.read(n, { targetingKey: `user-${n}` }).catch(() => undefined);
    await sleep(2);
  }
}
void traffic();
void traffic();

serveUntilStopped(server, { onStop: () => (running = false), lifetimeMs });
