// A child process of the batching spec: stores `written` records and waits
// until they are on disk, then queues `queued` more under a flush interval
// too long to fire, reports both counts and the store's `queued` figure on
// stdout, and waits to be killed.
import { FileComparisonStore } from '../store/file-comparison-store.js';
import { comparisonRecord } from './comparison-records.js';

const [directory = '', written = '0', queued = '0'] = process.argv.slice(2);
const store = new FileComparisonStore({ directory, options: { flushIntervalMs: 60_000 } });
const first = Array.from({ length: Number(written) }, (_, i) => store.record(comparisonRecord({ input: { seq: i } })));
await store.flush();
await Promise.all(first);
for (let i = 0; i < Number(queued); i++) void store.record(comparisonRecord({ input: { seq: Number(written) + i } }));
process.stdout.write(`${JSON.stringify({ acknowledged: first.length, queued: store.stats().queued })}\n`);
setInterval(() => undefined, 1000);
