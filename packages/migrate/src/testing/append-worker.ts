// A child process of the concurrency spec: appends records, some far larger
// than PIPE_BUF and the pipe buffer, to a store directory shared with siblings.
import { FileComparisonStore } from '../store/file-comparison-store.js';
import { comparisonRecord } from './comparison-records.js';

const [directory = '', count = '0', worker = '0'] = process.argv.slice(2);
const store = new FileComparisonStore({ directory });
const big = 'x'.repeat(200_000);
const writes: Promise<void>[] = [];
for (let i = 0; i < Number(count); i++) {
  const input = { worker: Number(worker), seq: i, ...(i % 10 === 0 && { big }) };
  writes.push(store.record(comparisonRecord({ outcome: 'mismatch', input })));
  // Yield now and then so batches of several sizes reach the disk.
  if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
}
await Promise.all(writes);
await store.close();
const { written, writeErrors, dropped } = store.stats();
if (written !== Number(count) || writeErrors + dropped > 0) process.exit(1);
