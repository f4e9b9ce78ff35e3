/**
 * Ends a command with an exit code after it has printed its own output (a
 * failed validation, a cleanup check that is not ready). `main` returns the
 * code without printing anything more.
 */
export class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'CommandExit';
  }
}
