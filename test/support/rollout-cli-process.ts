// `cutover rollout run` as a child process for the end-to-end test: its
// progress (--json, one line per event) is collected as it comes, so the test
// can wait for a step and kill the controller (SIGKILL: a crash) mid-plan.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './cli-run.js';

/** One progress line of `cutover rollout run --json`, as much of it as the test reads. */
export interface RolloutProgressLine {
  readonly kind: string;
  readonly at: string;
  readonly remainingMs?: number;
  readonly message?: string;
  readonly state: { readonly phase: string; readonly stepIndex: number; readonly runId: string; readonly stepStartedAt?: string; readonly lastDecision?: { readonly status: string; readonly summary: string } };
}

/** A running controller. */
export class RolloutCliProcess {
  readonly lines: RolloutProgressLine[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(args: readonly string[]) {
    this.child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/cli/src/cli.ts', ...args, '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const kill = (): void => void this.child.kill('SIGKILL');
    process.once('exit', kill);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    void this.exited.then(() => process.removeListener('exit', kill));
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      this.lines.push(JSON.parse(line) as RolloutProgressLine);
      for (const wake of this.waiters) wake();
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Resolves with the first progress line that satisfies `test`. */
  waitFor(test: (line: RolloutProgressLine) => boolean, timeoutMs = 30_000): Promise<RolloutProgressLine> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.lines.find(test);
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`controller: no matching progress within ${timeoutMs} ms; last ${JSON.stringify(this.lines.slice(-3))}; stderr ${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Kills the controller without warning, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
