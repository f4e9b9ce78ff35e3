import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './cli-run.js';

/** A writer running in a child process, counting the writes it acknowledged. */
export interface KillableWriter {
  readonly process: ChildProcess;
  /** How many writes it acknowledged. */
  readonly acks: () => number;
  /** Resolves once it acknowledged its first write. */
  readonly started: Promise<void>;
  /** SIGKILL; resolves with the signal once it is gone. */
  kill(): Promise<NodeJS.Signals | null>;
}

/** Starts `test/support/writers/<script>` with `args`. */
export function startKillableWriter(script: string, args: readonly string[]): KillableWriter {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', `test/support/writers/${script}`, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let acks = 0;
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      acks += lines.filter((line) => line.startsWith('ack ')).length;
      if (acks > 0) resolve();
    });
    void exited.then(() => reject(new Error(`${script} exited before its first write; stderr: ${stderr}`)));
  });
  return {
    process: child,
    acks: () => acks,
    started,
    kill: async () => {
      child.kill('SIGKILL');
      const signal = await exited;
      process.removeListener('exit', killOnExit);
      return signal;
    },
  };
}
