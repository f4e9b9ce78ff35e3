let next: Promise<void> | undefined;

/**
 * Resolves in the event loop's next check phase (`setImmediate`). Everyone who
 * asks in one turn shares one immediate and one promise: work deferred off the
 * caller's path costs no allocation of its own per call.
 */
export function checkPhase(): Promise<void> {
  return (next ??= new Promise<void>((resolve) => {
    setImmediate(() => {
      next = undefined;
      resolve();
    });
  }));
}
