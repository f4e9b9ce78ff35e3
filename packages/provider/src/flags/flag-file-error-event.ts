import { ErrorCode } from '@openfeature/server-sdk';
import type { EventContext } from '@openfeature/server-sdk';
import type { FlagFileError } from './flag-file-error.js';

/** The details of the provider's ERROR event for a flag file whose last edit was rejected: where, and why. */
export function flagFileErrorEvent(error: FlagFileError): EventContext {
  return {
    message: error.message,
    errorCode: ErrorCode.PARSE_ERROR,
    metadata: {
      file: error.file,
      jsonPath: error.jsonPath,
      reason: error.reason,
      ...(error.line === undefined ? {} : { line: error.line, column: error.column ?? 1 }),
    },
  };
}
