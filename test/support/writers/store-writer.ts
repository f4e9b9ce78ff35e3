// A comparison store writer that never stops: appends mismatch records of a
// few kilobytes, twenty at a time so that the store writes large chunks,
// prints "ack <n>" for each record that reached the file, and goes on until
// it is killed. Run as a child: store-writer.ts <directory>
import { FileComparisonStore } from '@cutover/migrate';

const [directory] = process.argv.slice(2);
const store = new FileComparisonStore({ directory: directory! });
const record = (n: number) =>
  store.record({
    timestamp: new Date().toISOString(),
    flagKey: 'killed.writer',
    stage: 'shadow',
    outcome: 'mismatch',
    legacy: { status: 'ok', durationMs: 1, value: 'x'.repeat(500) },
    candidate: { status: 'ok', durationMs: 2, value: `y${n}` },
    differences: [{ path: '$', legacy: 'x', candidate: `y${n}` }],
  });
for (let n = 0; ; n += 20) {
  await Promise.all(Array.from({ length: 20 }, (_, i) => record(n + i)));
  process.stdout.write(Array.from({ length: 20 }, (_, i) => `ack ${n + i}\n`).join(''));
}
