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

/** What {@link observe} needs for one run. */
export interface ObserveRequest<I, O> {
  readonly implementation: Implementation<I, O>;
  readonly input: I;
  readonly run: RunContext;
  /** Stop waiting after this many ms and abort `controller`. */
  readonly timeoutMs?: number;
  /** The controller behind `run.signal`, aborted on timeout. */
  readonly controller?: AbortController;
  /** Called once when the implementation really settles, even after a timeout (ends an abandoned run's count). */
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
  if (request.onSettled) pending.then(request.onSettled, request.onSettled);
  const state: { error?: RunTimeoutError } = {};
  try {
    const value = request.timeoutMs === undefined ? await pending : await withTimeout(pending, request, state);
    return Object.freeze({ path, status: 'ok', value, durationMs: performance.now() - start });
  } catch (error) {
    const durationMs = performance.now() - start;
    if (state.error !== undefined && error === state.error) {
      return Object.freeze({ path, status: 'timeout', error: state.error, durationMs });
    }
    return Object.freeze({ path, status: 'error', error, durationMs });
  }
}

function withTimeout<O>(pending: Promise<O>, request: { readonly timeoutMs?: number; readonly controller?: AbortController }, state: { error?: RunTimeoutError }): Promise<O> {
  const timeoutMs = request.timeoutMs ?? 0;
  return new Promise<O>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new RunTimeoutError(timeoutMs);
      state.error = error;
      request.controller?.abort(error);
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
