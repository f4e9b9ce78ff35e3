// One instance of a fleet for test/fleet-guard.test.ts, run as a child
// process: a CutoverProvider on the shared flag files (watched), a Migration
// under steady traffic, MigrationMetrics, and HTTP on 127.0.0.1:
//   GET  /metrics  the Prometheus exposition
//   GET  /metrics/native  the native histograms, protobuf exposition
//   GET  /flag     {"stage": <what the flag serves now>, "calls": n}
//   POST /inject   the candidate starts failing 20 % of calls
//   POST /inject-quality  the work served from then on is worse: 40 % of its
//                  PRs accepted instead of 95 % (every call still succeeds)
// With FLEET_OUTCOMES=1 every call is followed by a business outcome reported
// through the Tracking API (`client.track('pr_accepted' | 'pr_rejected')`),
// attributed to the path that served the call's targeting key.
// Prints {"port": n} once listening. Exits on SIGTERM, when its parent's
// stdin pipe closes, or after FLEET_SERVICE_LIFETIME_MS at the latest.
import { createServer } from 'node:http';
import { MigrationMetrics, NATIVE_EXPOSITION_CONTENT_TYPE, OutcomeAttribution, TrackingOutcomes } from '@cutover/hooks';
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
const reportOutcomes = process.env.FLEET_OUTCOMES === '1';
if (reportOutcomes) {
  const attribution = new OutcomeAttribution();
  client.addHooks(attribution);
  new TrackingOutcomes({ provider, metrics, logger: quiet, attribution, outcomes: { pr_accepted: 'success', pr_rejected: 'failure' } });
}
let rejecting = false;
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
  } else if (req.url === '/metrics/native') {
    res.writeHead(200, { 'content-type': NATIVE_EXPOSITION_CONTENT_TYPE }).end(metrics.nativeExposition());
  } else if (req.url === '/flag') {
    void client.getStringValue(flagKey, 'unknown').then((stage) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stage, calls })));
  } else if (req.url === '/inject' && req.method === 'POST') {
    failing = true;
    res.writeHead(204).end();
  } else if (req.url === '/inject-quality' && req.method === 'POST') {
    rejecting = true;
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
    const context = { targetingKey: `user-${n}` };
    await migration.read(n, context).catch(() => undefined);
    if (reportOutcomes) client.track((rejecting ? n % 5 < 2 : n % 20 !== 0) ? 'pr_accepted' : 'pr_rejected', context);
    await sleep(2);
  }
}
void traffic();
void traffic();

serveUntilStopped(server, { onStop: () => (running = false), lifetimeMs });
