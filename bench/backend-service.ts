// A backend service for latency benchmarks: each call is a message to a worker
// thread that answers after `delayMs`, so the caller waits on I/O (the loop
// wakes when the answer arrives) rather than on a timer of its own. Timers in
// the caller's own loop are a poor model of I/O: Node runs them on a
// millisecond clock, so one more pending timer (a 20 ms candidate started by
// an earlier call) moves when a 2 ms timer fires and shifts every latency by
// tens of microseconds whoever set it. Legacy and candidate each get their own
// service, as two real systems would be.
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', (id) => setTimeout(() => parentPort.postMessage(id), workerData.delayMs));
`;

/** One simulated backend: `call(n)` resolves with `n` after the service's delay. */
export interface BackendService {
  call(n: number): Promise<number>;
  close(): Promise<void>;
}

/** Starts a backend service answering every call after `delayMs`. */
export async function startBackendService(delayMs: number): Promise<BackendService> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { delayMs } });
  const pending = new Map<number, { n: number; resolve: (n: number) => void }>();
  let nextId = 0;
  worker.on('message', (id: number) => {
    const call = pending.get(id);
    pending.delete(id);
    call?.resolve(call.n);
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  return {
    call(n: number): Promise<number> {
      const id = nextId++;
      return new Promise<number>((resolve) => {
        pending.set(id, { n, resolve });
        worker.postMessage(id);
      });
    },
    async close(): Promise<void> {
      await worker.terminate();
    },
  };
}
