import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { FlagFileVerdict } from './flag-file-verdict.js';

/** A verdict, a parse stopped after the deadline, or a worker ended by an uncaught error (an unhandled rejection included). */
export type JudgedFlagFile = FlagFileVerdict | { readonly kind: 'hung' | 'crashed'; readonly ms: number; readonly problems: readonly string[] };

const ENTRY = new URL('./flag-file-worker-entry.mjs', import.meta.url);

/**
 * Judges flag file texts in a worker thread with a deadline each: a parse
 * still running at the deadline is reported as hung, and the worker is
 * replaced. One text at a time.
 */
export class FlagFileJudge {
  private worker: Promise<Worker> | undefined;
  private next = 0;

  constructor(private readonly deadlineMs: number) {}

  /** The verdict on `text` as file `file`. */
  async judge(text: string, file: string): Promise<JudgedFlagFile> {
    const worker = await (this.worker ??= startWorker());
    const id = this.next++;
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const timer = setTimeout(() => {
        done();
        this.worker = undefined;
        void worker.terminate();
        resolve({ kind: 'hung', ms: performance.now() - started, problems: [`still parsing after ${this.deadlineMs} ms`] });
      }, this.deadlineMs);
      const onMessage = (message: { id?: number; verdict: FlagFileVerdict }): void => {
        if (message.id !== id) return;
        done();
        resolve(message.verdict);
      };
      const onError = (error: Error): void => {
        done();
        this.worker = undefined;
        resolve({ kind: 'crashed', ms: performance.now() - started, problems: [`the worker died of an uncaught ${error.name}: ${error.message}`] });
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ id, text, file });
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    const worker = await this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

async function startWorker(): Promise<Worker> {
  const worker = new Worker(ENTRY, { execArgv: ['--conditions=source'] });
  await once(worker, 'message');
  return worker;
}
