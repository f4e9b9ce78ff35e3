// Runs `cutover serve` from its TypeScript sources as a child process, for
// tests that need dashboards in processes of their own.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './cli-run.js';

/** A `cutover serve` process and its address. */
export interface ServeProcess {
  readonly url: string;
  /** POSTs a JSON body to a path of the dashboard with the token; resolves with the status and the parsed body. */
  post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  /** SIGTERM; resolves when it exited. */
  stop(): Promise<void>;
}

/** Starts `cutover serve --port 0` on `flags` with `token`; resolves once it prints its address. */
export function startServeProcess(options: { flags: string; store: string; audit: string; token: string }): Promise<ServeProcess> {
  const args = ['--conditions=source', '--import', 'tsx', 'packages/cli/src/cli.ts', '--flags', options.flags, 'serve', '--port', '0', '--token', options.token, '--store', options.store, '--audit', options.audit];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cutover serve printed no address within 30 s; stderr: ${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cutover serve exited with ${code}; stderr: ${stderr}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /cutover dashboard (http:\/\/\S+)/.exec(stdout)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        post: async (path, body) => {
          const response = await fetch(`${url}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
            body: JSON.stringify(body),
          });
          return { status: response.status, body: (await response.json()) as Record<string, unknown> };
        },
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
          process.removeListener('exit', killOnExit);
        },
      });
    });
  });
}
