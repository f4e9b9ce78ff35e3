import { main } from '@cutover/cli';
import type { CliResult } from './cli-run.js';

/**
 * Runs the CLI's own program (`main`, what `bin/cutover` calls) in this
 * process, capturing what it prints: the same commands as `runCli` without
 * starting Node and tsx for each, for tests that run long sequences of them.
 * Calls must not overlap (the process's stdout and stderr are captured).
 */
export async function runCliInProcess(args: readonly string[]): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const capture = (into: string[]) => (chunk: string | Uint8Array): boolean => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const errorLog = console.error;
  process.stdout.write = capture(stdout) as typeof process.stdout.write;
  process.stderr.write = capture(stderr) as typeof process.stderr.write;
  console.error = (...parts: unknown[]) => void stderr.push(`${parts.join(' ')}\n`);
  const exitCode = process.exitCode;
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    console.error = errorLog;
    process.exitCode = exitCode;
  }
}
