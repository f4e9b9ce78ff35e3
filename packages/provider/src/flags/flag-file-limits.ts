/**
 * The bounds a flag file must keep so that reading it takes milliseconds and
 * cannot exhaust the stack: a save of a pathological file is rejected, with
 * its location, instead of stalling every evaluation in the process.
 */
export const FLAG_FILE_LIMITS = Object.freeze({
  /** Deepest nesting of arrays and objects anywhere in the file; hand-written rules stay far below it. */
  maxNestingDepth: 256,
  /**
   * Most JSON nodes the `$ref`s of one flag's targeting may copy in from
   * `$evaluators`. Evaluators that reference one another several times
   * multiply: 20 of them, each referencing the one before twice, would copy
   * a million.
   */
  maxReferencedNodes: 100_000,
});
