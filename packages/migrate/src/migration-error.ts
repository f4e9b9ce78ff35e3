/** Codes of the errors this package raises itself. */
export type MigrationErrorCode = 'RUN_TIMEOUT' | 'ITEM_LOCKED' | 'INVALID_OPTION' | 'NOT_CONFIGURED' | 'STORE_UNREADABLE';

/** Base of the errors raised by the runner and the store themselves (never by an implementation). */
export class MigrationError extends Error {
  /** A stable code, for callers and metrics. */
  readonly code: MigrationErrorCode;

  constructor(code: MigrationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A run did not settle within `candidateTimeoutMs`; the runner stopped waiting and aborted its signal. */
export class RunTimeoutError extends MigrationError {
  constructor(timeoutMs: number) {
    super('RUN_TIMEOUT', `run did not finish within ${timeoutMs} ms`);
  }
}

/** Another holder processes this item now; the caller should retry later rather than run a second path on it. */
export class ItemLockedError extends MigrationError {
  constructor(key: string) {
    super('ITEM_LOCKED', `item "${key}" is being processed elsewhere`);
  }
}

/** An option failed validation; the message names it. */
export class InvalidOptionError extends MigrationError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_OPTION', message, options);
  }
}

/** The comparison store's directory cannot be listed (it is a file, or access is denied); the message names it. */
export class ComparisonStoreError extends MigrationError {
  /** The store's directory. */
  readonly directory: string;

  constructor(directory: string, reason: string, options?: { cause?: unknown }) {
    super('STORE_UNREADABLE', `comparison store "${directory}" ${reason}`, options);
    this.directory = directory;
  }
}
