import { CutoverError } from '@cutover/core';

/** What went wrong in the dashboard, for callers that branch on it. */
export type DashboardErrorCode = 'LISTEN_FAILED' | 'SCRIPT_MISSING';

/** An error of the dashboard server: a port it cannot bind, or a package built without the page's script. A bad option is core's `InvalidOptionError`. */
export class DashboardError extends CutoverError {
  declare readonly code: DashboardErrorCode;

  constructor(code: DashboardErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
