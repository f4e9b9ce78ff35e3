import type { Logger } from '@openfeature/server-sdk';
import type { RollbackHook, RollbackHookEvent, RollbackHookOutcome } from './rollback-hook.js';

/** How long a hook may hold the rollback up when it names no timeout. */
export const DEFAULT_ROLLBACK_HOOK_TIMEOUT_MS = 2000;

/**
 * Runs hooks one after another, each bounded by its timeout (its signal is
 * aborted then); never throws. A throw, a rejection or a timeout is logged
 * and recorded in the outcome, and the next hook runs.
 */
export async function runRollbackHooks(hooks: readonly RollbackHook[], event: Omit<RollbackHookEvent, 'signal'>, logger: Logger): Promise<RollbackHookOutcome[]> {
  const outcomes: RollbackHookOutcome[] = [];
  for (const hook of hooks) outcomes.push(await runOne(hook, event, logger));
  return outcomes;
}

async function runOne(hook: RollbackHook, event: Omit<RollbackHookEvent, 'signal'>, logger: Logger): Promise<RollbackHookOutcome> {
  const timeoutMs = hook.timeoutMs ?? DEFAULT_ROLLBACK_HOOK_TIMEOUT_MS;
  const controller = new AbortController();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const base = { name: hook.name, phase: event.phase };
  try {
    // Called inside the promise chain, so a synchronous throw is a rejection like any other.
    const ran = Promise.resolve().then(() => hook.run({ ...event, signal: controller.signal }));
    ran.catch(() => undefined);
    const ended = await Promise.race([ran.then(() => 'ok' as const), timedOut]);
    const durationMs = performance.now() - started;
    if (ended === 'ok') return { ...base, status: 'ok', durationMs };
    controller.abort(new Error(`rollback hook "${hook.name}" timed out after ${timeoutMs} ms`));
    logger.error(`cutover: ${event.phase}-rollback hook "${hook.name}" of ${event.scope} timed out after ${timeoutMs} ms; the rollback goes on`);
    return { ...base, status: 'timeout', durationMs, error: `timed out after ${timeoutMs} ms` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error(`cutover: ${event.phase}-rollback hook "${hook.name}" of ${event.scope} failed: ${message}; the rollback goes on`);
    return { ...base, status: 'failed', durationMs: performance.now() - started, error: message };
  } finally {
    clearTimeout(timer);
  }
}
