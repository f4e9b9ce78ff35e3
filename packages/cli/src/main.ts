import { CommanderError } from 'commander';
import { CommandExit } from './command-support/command-exit.js';
import { buildProgram } from './program.js';

/** Runs the CLI with the given arguments; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    // The command printed its own report; only the code is left to give.
    if (error instanceof CommandExit) return error.exitCode;
    if (error instanceof CommanderError) return error.exitCode;
    console.error(`cutover: ${(error as Error).message}`);
    return 1;
  }
}
