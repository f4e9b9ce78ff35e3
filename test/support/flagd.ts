// A real flagd for the end-to-end tests: found like every external program
// (FLAGD_BIN, then PATH, then .tools/bin where scripts/install-flagd.sh puts
// it, then Go's bin dir), started on free loopback ports with the given
// sources, and always stopped: by the test, else when the test process exits.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBinary } from './require-binary.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The flagd binary, or `undefined` locally when there is none (in CI a missing flagd throws). */
export function findFlagd(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const goBin = env.GOBIN || join(env.GOPATH?.split(delimiter)[0] || join(homedir(), 'go'), 'bin');
  const path = [env.PATH, join(REPO, '.tools', 'bin'), goBin].filter(Boolean).join(delimiter);
  return findBinary('flagd', { envVar: 'FLAGD_BIN', env: { ...env, PATH: path } });
}

/** The ports one flagd listens on. */
export interface FlagdPorts {
  /** Evaluation: gRPC and Connect/HTTP JSON (`flagd.evaluation.v1`). */
  readonly port: number;
  /** Health (`/readyz`, `/healthz`) and metrics. */
  readonly managementPort: number;
  /** Flag sync for in-process providers (`flagd.sync.v1`). */
  readonly syncPort: number;
  readonly ofrepPort: number;
}

/** Options of {@link startFlagd}. */
export interface StartFlagdOptions {
  /** The binary, from {@link findFlagd}. */
  readonly binary: string;
  /** Flag files in precedence order, lowest first (the rollback overlay last). */
  readonly files: readonly string[];
  /** How long to wait for `/readyz`, in ms. @default 15000 */
  readonly readyTimeoutMs?: number;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** One flagd process; `stop()` then `start()` restarts it on the same ports (an outage). */
export class Flagd {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    private readonly options: StartFlagdOptions,
    readonly ports: FlagdPorts,
  ) {}

  /** Starts flagd on free ports and waits until it is ready. */
  static async start(options: StartFlagdOptions): Promise<Flagd> {
    const [port, managementPort, syncPort, ofrepPort] = await freePorts(4);
    const flagd = new Flagd(options, { port: port!, managementPort: managementPort!, syncPort: syncPort!, ofrepPort: ofrepPort! });
    await flagd.start();
    return flagd;
  }

  /** Base URL of the evaluation service (Connect/HTTP JSON). */
  get url(): string {
    return `http://127.0.0.1:${this.ports.port}`;
  }

  /** What flagd printed, for a failing test's message. */
  get logs(): string {
    return this.output;
  }

  /** (Re)starts the process on the same ports and waits for `/readyz`. */
  async start(): Promise<void> {
    if (this.child) throw new Error('flagd is already running');
    const { port, managementPort, syncPort, ofrepPort } = this.ports;
    const args = ['start', '--port', String(port), '--management-port', String(managementPort), '--sync-port', String(syncPort), '--ofrep-port', String(ofrepPort)];
    for (const file of this.options.files) args.push('--uri', `file:${file}`);
    const child = spawn(this.options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', () => {
      running.delete(child);
      if (this.child === child) this.child = undefined;
    });
    await this.waitReady(this.options.readyTimeoutMs ?? 15_000);
  }

  /** Stops the process without ending it (SIGSTOP): its connections stay open and nothing answers, as with a hung flagd. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** Lets a paused process run again (SIGCONT). */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** Kills the process (SIGKILL: an outage, not a shutdown) and waits for it to exit. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** Stops the process and waits for it to exit; SIGKILL after 3 s. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // A paused process would hold SIGTERM until it runs again.
    child.kill('SIGCONT');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.child) throw new Error(`flagd exited before it was ready:\n${this.output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${this.ports.managementPort}/readyz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`flagd not ready after ${timeoutMs} ms:\n${this.output}`);
  }
}

/** `count` distinct ports free on 127.0.0.1 now. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
