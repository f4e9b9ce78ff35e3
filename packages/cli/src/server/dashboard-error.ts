/** What went wrong in the dashboard, for callers that branch on it. */
export type DashboardErrorCode = 'INVALID_OPTION' | 'LISTEN_FAILED' | 'SCRIPT_MISSING';

/** An error of the dashboard server: an option that is not valid, a port it cannot bind, or a package built without the page's script. */
export class DashboardError extends Error {
  constructor(
    readonly code: DashboardErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DashboardError';
  }
}
