// One instance for test/fleet-native-histograms.test.ts, run as a child
// process: MigrationMetrics fed with the calls of a canary split (each
// request on one path, nothing compared, so no pairs), and HTTP on 127.0.0.1:
//   GET  /metrics         the text exposition (classic buckets)
//   GET  /metrics/native  the native histograms, protobuf exposition
//   POST /traffic         records NATIVE_CALLS calls per path in ten batches
//                         100 ms apart, then answers {"calls": n}
//   POST /spread          records SPREAD_CALLS candidate calls from 1 ms to
//                         4 s, more buckets than a series may write at schema
//                         5, so its exposition widens; answers {"calls": n}
// The durations are given, not timed: legacy's spread evenly over 10–20 ms,
// the candidate's exactly 1.3× as long, so the slowdown is the one asked for
// on a loaded machine too. Prints {"port": n} once listening.
import { createServer } from 'node:http';
import { MigrationMetrics, NATIVE_EXPOSITION_CONTENT_TYPE } from '@cutover/hooks';
import { Registry } from 'prom-client';
import { serveUntilStopped } from './serve-until-stopped.js';

const flagKey = process.env.NATIVE_FLAG_KEY;
if (!flagKey) throw new Error('NATIVE_FLAG_KEY is required');
const perPath = Number(process.env.NATIVE_CALLS ?? 2000);
const SLOWDOWN = 1.3;

const registry = new Registry();
const metrics = new MigrationMetrics({ registry });
metrics.declare(flagKey);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Legacy's i-th duration: 10–20 ms, spread evenly by the golden ratio's fractional parts.
const legacySeconds = (i: number): number => 0.02 * (0.5 + 0.5 * ((i * 0.618034) % 1));

async function traffic(): Promise<number> {
  const batch = Math.ceil(perPath / 10);
  for (let start = 0; start < perPath; start += batch) {
    for (let i = start; i < Math.min(perPath, start + batch); i++) {
      metrics.recordCall(flagKey!, 'legacy', 'success', legacySeconds(i));
      metrics.recordCall(flagKey!, 'candidate', 'success', SLOWDOWN * legacySeconds(i));
    }
    await sleep(100);
  }
  return perPath;
}

// Candidate durations 1 ms × 4096^(i / (n - 1)): about one per schema-5 bucket over twelve octaves.
const SPREAD_CALLS = 400;
function spread(): number {
  for (let i = 0; i < SPREAD_CALLS; i++) metrics.recordCall(flagKey!, 'candidate', 'success', 0.001 * 4096 ** (i / (SPREAD_CALLS - 1)));
  return SPREAD_CALLS;
}

const server = createServer((req, res) => {
  if (req.url === '/metrics') {
    void registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
  } else if (req.url === '/metrics/native') {
    res.writeHead(200, { 'content-type': NATIVE_EXPOSITION_CONTENT_TYPE }).end(metrics.nativeExposition());
  } else if (req.url === '/traffic' && req.method === 'POST') {
    void traffic().then((calls) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ calls })));
  } else if (req.url === '/spread' && req.method === 'POST') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ calls: spread() }));
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
serveUntilStopped(server, { onStop: () => {}, lifetimeMs: 120_000 });
