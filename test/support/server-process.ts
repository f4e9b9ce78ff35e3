// A server program run by a test: stderr kept for error messages, killed when
// the test process exits, stopped with a signal and a grace period.
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';

/** A running server process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything it wrote to stderr and stdout so far (the last 20 000 characters). */
  readonly output: () => string;
  /** True once it exited. */
  readonly exited: () => boolean;
  /** Sends `signal`, then SIGKILL after `graceMs`; resolves when it exited. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/** Starts `binary` with `args`; `options` may set `uid`/`gid` (servers that refuse to run as root). */
export function spawnServer(binary: string, args: readonly string[], options: Pick<SpawnOptions, 'uid' | 'gid' | 'cwd' | 'env'> = {}): ServerProcess {
  const child = spawn(binary, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => void (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Should the test process end without its afterAll, the server must not outlive it.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let done = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => {
    done = true;
    process.removeListener('exit', killOnExit);
  });
  child.once('error', (error) => void (output += `\nspawn failed: ${error.message}`));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> => {
    if (done) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exit;
    clearTimeout(timer);
  };
  return { child, output: () => output, exited: () => done, stop };
}

/** Polls `probe` every 50 ms until it resolves true; throws with the server's output after `timeoutMs` or when it exits. */
export async function waitUntilReady(what: string, server: ServerProcess, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (server.exited() || Date.now() > deadline) {
      await server.stop('SIGKILL');
      throw new Error(`${what} did not become ready; output: ${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
