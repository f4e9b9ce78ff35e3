import { consoleLogger } from '@cutover/core';

/** Where the runner and the store log when given no logger. */
export const CONSOLE_LOGGER = consoleLogger('[cutover/migrate]');
