// Starts and watches fleet-app.ts instances for the fleet test: each one's
// printed states are kept with the time it saw them, and every instance is
// killed when the test ends or its process exits.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./fleet-app.ts', import.meta.url));

/** What one instance serves, from the time `at` (ms since the epoch) on. */
export interface FleetState {
  readonly at: number;
  readonly value: string;
  readonly source: string;
  readonly reason: string;
  /** Evaluation errors the instance has seen so far. */
  readonly errors: number;
}

/** Options of {@link FleetApp.start}. */
export interface FleetAppOptions {
  readonly files: readonly string[];
  readonly syncPort: number;
  readonly flag: string;
  readonly targetingKey: string;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** One application process of the fleet. */
export class FleetApp {
  readonly states: FleetState[] = [];
  private stderr = '';
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly child: ChildProcess) {
    running.add(child);
    child.once('exit', () => running.delete(child));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      this.states.push(JSON.parse(line) as FleetState);
      for (const wake of this.waiters) wake();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-10_000);
    });
  }

  /** Starts an instance; it prints its first state once its provider is ready. */
  static start(options: FleetAppOptions): FleetApp {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', SCRIPT], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        FLEET_FILES: options.files.join(','),
        FLEET_SYNC_PORT: String(options.syncPort),
        FLEET_FLAG: options.flag,
        FLEET_TARGETING_KEY: options.targetingKey,
      },
    });
    return new FleetApp(child);
  }

  /** The latest state. */
  get current(): FleetState | undefined {
    return this.states.at(-1);
  }

  /** Resolves with the first state (from `since` on) that satisfies `test`. */
  waitFor(test: (state: FleetState) => boolean, { since = 0, timeoutMs = 10_000 }: { since?: number; timeoutMs?: number } = {}): Promise<FleetState> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const state = this.states.find((s) => s.at >= since && test(s)) ?? (this.current && test(this.current) ? this.current : undefined);
        if (!state) return false;
        cleanup();
        resolve(state);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fleet app: no matching state within ${timeoutMs} ms; states ${JSON.stringify(this.states.slice(-5))}; stderr ${this.stderr}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      const wake = (): void => void check();
      this.waiters.add(wake);
      check();
    });
  }

  /** Stops the instance (SIGTERM, SIGKILL after 3 s). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }
}
