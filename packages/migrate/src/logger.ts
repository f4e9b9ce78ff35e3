/** The logging the runner and the store need; OpenFeature's `Logger` and `console` both fit. */
export interface Logger {
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** Logs to the console with a prefix, so contained failures are visible without any setup. */
export const CONSOLE_LOGGER: Logger = {
  warn: (...args) => console.warn('[cutover/migrate]', ...args),
  error: (...args) => console.error('[cutover/migrate]', ...args),
};
