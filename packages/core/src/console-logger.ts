import type { Logger } from '@openfeature/server-sdk';

/** OpenFeature's `Logger` on the console, each line behind `prefix`, so a package's problems are visible without any setup. */
export function consoleLogger(prefix: string): Logger {
  return {
    error: (...args) => console.error(prefix, ...args),
    warn: (...args) => console.warn(prefix, ...args),
    info: (...args) => console.info(prefix, ...args),
    debug: (...args) => console.debug(prefix, ...args),
  };
}
