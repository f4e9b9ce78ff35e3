import type { CheckFinding, CheckResult } from './health-report.js';

/** Runs a check with a deadline and measures it; a throw or a timeout is a failure, never an exception. */
export async function timedCheck(run: () => CheckFinding | Promise<CheckFinding>, options: { critical: boolean; timeoutMs: number }): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CheckFinding>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'fail', message: `timed out after ${options.timeoutMs} ms` }), options.timeoutMs);
  });
  try {
    const finding = await Promise.race([Promise.resolve().then(run), deadline]);
    return { ...finding, critical: options.critical, latencyMs: elapsed(started) };
  } catch (error) {
    return { status: 'fail', message: (error as Error).message, critical: options.critical, latencyMs: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
