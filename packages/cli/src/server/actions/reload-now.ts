import type { DashboardContext } from '../dashboard-context.js';

/**
 * Makes this process's provider read a flag file it watches now rather than
 * after the watcher's debounce, so the page shows the change on its next poll.
 * The file watcher would pick it up anyway: a failure here is not an error.
 */
export async function reloadNow(context: Pick<DashboardContext, 'provider'>, file: string): Promise<void> {
  await context.provider?.reloadFile(file).catch(() => undefined);
}
