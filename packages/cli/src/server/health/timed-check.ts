import type { CheckFinding, CheckResult } from './health-report.js';

/**
 * Runs a check with a deadline and measures it; a throw or a timeout is a
 * failure, never an exception. `signal` is aborted at the deadline, so a
 * check that honours it stops its work.
 */
export async function timedCheck(run: (signal: AbortSignal) => CheckFinding | Promise<CheckFinding>, options: { critical: boolean; timeoutMs: number }): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CheckFinding>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${options.timeoutMs} ms`));
      resolve({ status: 'fail', message: `timed out after ${options.timeoutMs} ms` });
    }, options.timeoutMs);
  });
  try {
    const finding = await Promise.race([Promise.resolve().then(() => run(controller.signal)), deadline]);
    return { ...finding, critical: options.critical, latencyMs: elapsed(started) };
  } catch (error) {
    return { status: 'fail', message: messageOf(error), critical: options.critical, latencyMs: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
