import type { MigrationStage } from '@cutover/flag-model';
import type { Operation, Path, RunContext } from './run-context.js';

// Authoritative runs are never aborted by the runner; one shared signal avoids a controller per call.
const NEVER_ABORTED = new AbortController().signal;

/** The run context of a run the caller waits for without a timeout, so nothing aborts it. */
export function authoritativeRun(stage: MigrationStage, operation: Operation, path: Path, fencingToken: number | undefined, readOnly: boolean): RunContext {
  return { stage, operation, path, readonly: readOnly, signal: NEVER_ABORTED, fencingToken };
}
