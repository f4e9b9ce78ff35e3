/** Time as the controller sees it; tests pass a fake one. */
export interface RolloutClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: RolloutClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    }),
};

/** The clock's now as an ISO-8601 UTC time, as the state and the audit records keep it. */
export function isoNow(clock: RolloutClock): string {
  return new Date(clock.now()).toISOString();
}
