import { RunTimeoutError } from '../migration-error.js';
import type { Implementation, Path, RunContext } from './run-context.js';


/**
 * What one run of one implementation produced: a value or an error, and how long
 * it took. Frozen when created, as in Scientist; the value itself is not deep
 * frozen because the caller receives it.
 */
export type Observation<T> = Readonly<
  { path: Path; durationMs: number } & (
    | { status: 'ok'; value: T }
    | { status: 'error'; error: unknown }
    | { status: 'timeout'; error: RunTimeoutError }
  )
>;

/** Something whose abort signal a timeout aborts. */
export interface Abortable {
  abort(reason: unknown): void;
}

/** What {@link observe} needs for one run. */
export interface ObserveRequest<I, O> {
  readonly implementation: Implementation<I, O>;
  readonly input: I;
  readonly run: RunContext;
  /** Stop waiting after this many ms and abort `controller`. */
  readonly timeoutMs?: number;
  /** What stands behind `run.signal` (an `AbortController`, an `AbortableRun`), aborted on timeout. */
  readonly controller?: Abortable;
  /**
   * Called once when an implementation that timed out settles after all (ends
   * an abandoned run's count); a run that settles in time never calls it.
   */
  readonly onSettled?: () => void;
}

/** Runs one implementation and records its observation; never rejects. */
export async function observe<I, O>(request: ObserveRequest<I, O>): Promise<Observation<O>> {
  const { path } = request.run;
  const start = performance.now();
  let pending: Promise<O>;
  try {
    pending = Promise.resolve(request.implementation(request.input, request.run));
  } catch (error) {
    // A synchronous throw is an outcome like any other.
    pending = Promise.reject(error);
  }
  try {
    const value = request.timeoutMs === undefined ? await pending : await withTimeout(pending, request);
    return Object.freeze({ path, status: 'ok', value, durationMs: performance.now() - start });
  } catch (error) {
    const durationMs = performance.now() - start;
    // By identity: `instanceof` would run a hostile proxy's traps.
    if (TIMEOUTS.has(error as object)) return Object.freeze({ path, status: 'timeout', error: error as RunTimeoutError, durationMs });
    return Object.freeze({ path, status: 'error', error, durationMs });
  }
}

/** The errors of the runner's own timeouts, told apart from anything an implementation rejects with (even a `RunTimeoutError`). */
const TIMEOUTS = new WeakSet<object>();

function withTimeout<O>(pending: Promise<O>, request: Pick<ObserveRequest<unknown, O>, 'timeoutMs' | 'controller' | 'onSettled'>): Promise<O> {
  const timeoutMs = request.timeoutMs ?? 0;
  return new Promise<O>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new RunTimeoutError(timeoutMs);
      request.controller?.abort(error);
      if (request.onSettled) pending.then(request.onSettled, request.onSettled);
      TIMEOUTS.add(error);
      reject(error);
    }, timeoutMs);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
