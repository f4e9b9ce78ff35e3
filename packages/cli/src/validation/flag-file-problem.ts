/** One finding of `cutover validate`. */
export interface ValidationProblem {
  /** An error fails validation; a warning (a key defined twice) does not. */
  readonly severity: 'error' | 'warning';
  readonly file: string;
  /** 1-based position of the offending value, when it could be located. */
  readonly line?: number;
  readonly column?: number;
  /** JSON pointer to the offending value, `''` for the whole file. */
  readonly jsonPath: string;
  readonly reason: string;
}

/** `file:line:column: reason (jsonPath)`, the form editors and CI annotate. */
export function formatProblem(problem: ValidationProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const path = problem.jsonPath ? ` (${problem.jsonPath})` : '';
  return `${where}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.reason}${path}`;
}
