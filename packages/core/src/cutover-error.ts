/**
 * Base of every error Cutover throws: a stable, machine-readable `code` and
 * the underlying `cause`, so callers branch on the code, never on the text.
 */
export class CutoverError extends Error {
  /** A stable, machine-readable code, e.g. `INVALID_OPTION`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
