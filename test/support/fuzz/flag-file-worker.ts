// A worker thread that judges flag file texts (see flag-file-verdict.ts), so
// that a parse that never ends can be stopped by terminating the thread.
import { parentPort } from 'node:worker_threads';
import { flagFileVerdict } from './flag-file-verdict.js';

parentPort!.on('message', ({ id, text, file }: { id: number; text: string; file: string }) => {
  parentPort!.postMessage({ id, verdict: flagFileVerdict(text, file) });
});
// Loading the provider takes seconds on a busy machine; deadlines start once it is loaded.
parentPort!.postMessage({ ready: true });
