// Backend services for latency benchmarks: each call is a request to a
// worker thread that answers after the service's delay, so the caller waits on
// I/O (its loop wakes when the answer arrives) rather than on a timer of its
// own. Timers in the caller's own loop are a poor model of I/O: Node runs them
// on a millisecond clock, so one more pending timer (a 20 ms candidate started
// by an earlier call) moves when a 2 ms timer fires and shifts every latency
// by tens of microseconds whoever set it. The worker sleeps in futex waits
// with sub-millisecond precision until the next answer is due (no spinning,
// no timers), and requests and answers go through shared memory
// (`Atomics.notify` / `Atomics.waitAsync`), which costs the caller's thread
// about what a socket's read event would.
import { Worker } from 'node:worker_threads';

/** `Atomics.waitAsync` (Node 16+), which the project's ES2022 lib does not declare. */
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string } }).waitAsync;

/** Calls in flight at once, per worker; a call beyond it waits for a free slot. */
const SLOTS = 256;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { control, slots, delays } = workerData;
const requests = new Int32Array(control);
const answers = new Int32Array(slots);
let seen = 0;
const due = [];
for (;;) {
  const now = performance.now();
  due.sort((a, b) => a.at - b.at);
  while (due.length > 0 && due[0].at <= now) {
    const { slot } = due.shift();
    Atomics.store(answers, slot, 1);
    Atomics.notify(answers, slot);
  }
  const wait = due.length > 0 ? Math.max(0, due[0].at - performance.now()) : undefined;
  Atomics.wait(requests, 0, seen, wait);
  const total = Atomics.load(requests, 0);
  for (; seen < total; seen++) {
    const encoded = Atomics.load(requests, 1 + (seen % ${SLOTS}));
    const slot = encoded >> 8;
    due.push({ slot, at: performance.now() + delays[encoded & 0xff] });
  }
}
`;

/** Simulated backends sharing one worker; `call(service, n)` resolves with `n` after that service's delay. */
export interface BackendServices {
  call(service: number, n: number): Promise<number>;
  close(): Promise<void>;
}

/** Starts backends answering after `delaysMs[i]` for service `i`. */
export async function startBackendServices(delaysMs: readonly number[]): Promise<BackendServices> {
  const control = new SharedArrayBuffer(4 * (1 + SLOTS));
  const slots = new SharedArrayBuffer(4 * SLOTS);
  const requests = new Int32Array(control);
  const answers = new Int32Array(slots);
  const free = Array.from({ length: SLOTS }, (_, i) => i);
  const waiting: (() => void)[] = [];
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { control, slots, delays: [...delaysMs] } });
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  const slotFree = async (): Promise<number> => {
    while (free.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    return free.pop()!;
  };
  return {
    async call(service: number, n: number): Promise<number> {
      const slot = free.pop() ?? (await slotFree());
      Atomics.store(answers, slot, 0);
      const index = Atomics.load(requests, 0);
      Atomics.store(requests, 1 + (index % SLOTS), (slot << 8) | service);
      Atomics.add(requests, 0, 1);
      Atomics.notify(requests, 0);
      const { async, value } = waitAsync(answers, slot, 0);
      if (async) await value;
      free.push(slot);
      waiting.shift()?.();
      return n;
    },
    async close(): Promise<void> {
      await worker.terminate();
    },
  };
}
