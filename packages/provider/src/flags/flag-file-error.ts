/** Where in a flag file a problem is, and what it is. */
export interface FlagFileProblem {
  /** The file, as configured. */
  readonly file: string;
  /** JSON pointer to the offending value (`/flags/new-planner/defaultVariant`), `''` for the whole file. */
  readonly jsonPath: string;
  /** 1-based line and column of the offending value, when the text could be located. */
  readonly line?: number;
  readonly column?: number;
  /** Why the file was rejected, in words. */
  readonly reason: string;
}

/** `file:line:column at /json/path: reason`, as errors and warnings are logged. */
export function describeProblem(problem: FlagFileProblem): string {
  const where = problem.line ? `:${problem.line}:${problem.column ?? 1}` : '';
  const path = problem.jsonPath ? ` at ${problem.jsonPath}` : '';
  return `${problem.file}${where}${path}: ${problem.reason}`;
}

/** A flag file that cannot be used: unreadable, not JSON, or breaking flagd's or Cutover's rules. */
export class FlagFileError extends Error implements FlagFileProblem {
  readonly code = 'FLAG_FILE_INVALID';
  readonly file: string;
  readonly jsonPath: string;
  readonly line?: number;
  readonly column?: number;
  readonly reason: string;

  constructor(problem: FlagFileProblem, options?: { cause?: unknown }) {
    super(describeProblem(problem), options);
    this.name = 'FlagFileError';
    this.file = problem.file;
    this.jsonPath = problem.jsonPath;
    if (problem.line !== undefined) this.line = problem.line;
    if (problem.column !== undefined) this.column = problem.column;
    this.reason = problem.reason;
  }
}
