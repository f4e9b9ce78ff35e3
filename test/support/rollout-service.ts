// The demo service for test/rollout-controller.test.ts, run as a child process:
// the demo's food-detection service (examples/demo) on a CutoverProvider that
// reads the flag through a real flagd (in-process sync, flagd serving the flag
// files and the overlay as its last --uri) when ROLLOUT_FLAGD_SYNC_PORT is
// set, else from the files and the overlay itself (watched). Steady traffic
// from 200 chats, MigrationMetrics, and HTTP on 127.0.0.1:
//   GET  /metrics  the Prometheus exposition
//   GET  /stages   {"live": n, "shadow": n, ...} served since the last call
//   POST /inject   the new pipeline starts failing 30 % of calls
// Prints {"port": n} once listening. Exits on SIGTERM or when stdin closes.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { flagdRemote } from '@cutover/provider';
import { createCutover } from 'cutover';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { createFoodService } from '../../examples/demo/food-service.js';
import { FOOD_CATALOG } from '../../examples/food-detection/food-catalog.js';
import { mealPhotos } from '../../examples/food-detection/meal-photo.js';
import { serveUntilStopped } from './serve-until-stopped.js';

const env = process.env;
const quiet: Logger = { error: (...a: unknown[]) => console.error(...a), warn: () => {}, info: () => {}, debug: () => {} };
const files = env.ROLLOUT_FLAG_FILES!.split(',');
const syncPort = env.ROLLOUT_FLAGD_SYNC_PORT;
const registry = new Registry();
// The rollout controller judges this service through Prometheus, so it runs no guard of its own.
const cutover = createCutover({
  files,
  registry,
  store: env.ROLLOUT_STORE_DIR!,
  audit: join(env.ROLLOUT_STORE_DIR!, 'audit.jsonl'),
  guard: false,
  domain: 'rollout-service',
  logger: quiet,
  provider: syncPort
    ? { rollbackOverlay: false, watch: false, env: {}, remote: flagdRemote({ resolverType: 'in-process', host: '127.0.0.1', port: Number(syncPort), logger: quiet }) }
    : { rollbackOverlay: env.ROLLOUT_OVERLAY!, watch: true, env: {} },
});
await OpenFeature.setProviderAndWait('rollout-service', cutover.provider);
const service = createFoodService(cutover);

let running = true;
const photos = mealPhotos({ count: Number.MAX_SAFE_INTEGER, chats: 200, foods: FOOD_CATALOG.length, seed: 7 });
const worker = async (): Promise<void> => {
  while (running) await service.detect(photos.next().value!).catch(() => undefined);
};
for (let i = 0; i < 8; i++) void worker();

const server = createServer((req, res) => {
  if (req.url === '/metrics') {
    void registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
  } else if (req.url === '/stages') {
    const stages = Object.fromEntries(service.stages);
    service.resetCounts();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stages));
  } else if (req.url === '/inject' && req.method === 'POST') {
    service.faults.errorRate = 0.3;
    res.writeHead(204).end();
  } else res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

serveUntilStopped(server, { onStop: () => (running = false) });
