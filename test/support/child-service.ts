// Starts a TypeScript script from test/support as a child process and waits
// for the JSON line it prints once it listens ({"port": n}).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A running child service. */
export interface ChildService {
  readonly port: number;
  readonly process: ChildProcess;
  /** Everything the child wrote to stderr so far. */
  readonly stderr: () => string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it exited. */
  stop(graceMs?: number): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `script` (relative to the repository root) with `env`; rejects if it does not report a port in `timeoutMs`. */
export function startChildService(script: string, env: Record<string, string>, timeoutMs = 20_000): Promise<ChildService> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The child also exits when its stdin pipe closes; this covers a parent that exits normally without stopping it.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => process.removeListener('exit', killOnExit));
  const stop = async (graceMs = 3000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} reported no port within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{"port"'));
      if (!line) return;
      clearTimeout(timer);
      resolve({ port: (JSON.parse(line) as { port: number }).port, process: child, stderr: () => stderr, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before reporting a port; stderr: ${stderr}`));
    });
  });
}
