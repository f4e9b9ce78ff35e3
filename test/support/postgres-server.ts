// A real PostgreSQL server for a test: a cluster made by initdb in a
// temporary directory, 127.0.0.1 only, a free port, trust authentication.
// It can be shut down and started again on the same port with its data (an
// outage); `stop()` ends it and removes the cluster. As root (CI), the server
// runs as the `postgres` user, since PostgreSQL refuses to run as root.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './prometheus-server.js';
import { findBinary } from './require-binary.js';
import { spawnServer, waitUntilReady } from './server-process.js';
import type { ServerProcess } from './server-process.js';

const run = promisify(execFile);
const USER = 'cutover';

/** A PostgreSQL server run by a test. */
export interface PostgresServer {
  readonly port: number;
  /** `postgres://cutover@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  /** Shuts the server down (fast shutdown), keeping its data. */
  pause(): Promise<void>;
  /** Starts it again on the same port after {@link PostgresServer.pause}. */
  resume(): Promise<void>;
  /** Stops it and removes the cluster. */
  stop(): Promise<void>;
}

/**
 * The directory of `initdb`, `postgres` and `pg_isready`: POSTGRES_BIN, else
 * the newest `/usr/lib/postgresql/<version>/bin` (where Debian puts them), else
 * initdb's on PATH. `undefined` locally when missing (the suite skips); an error in CI.
 */
export function findPostgresBin(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (env.POSTGRES_BIN) return env.POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return join(root, newest, 'bin');
  // A link on PATH (/usr/local/bin/initdb) points into the directory that holds the other programs.
  const initdb = findBinary('initdb', { env: { ...env, POSTGRES_BIN: undefined } });
  return initdb === undefined ? undefined : join(realpathSync(initdb), '..');
}

/** Makes a cluster and starts `postgres` from `bin`; resolves once it accepts connections. */
export async function startPostgres(bin: string, settings: Readonly<Record<string, string>> = {}): Promise<PostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-postgres-'));
  const data = join(dir, 'data');
  const owner = process.getuid?.() === 0 ? systemUser('postgres') : undefined;
  if (owner) {
    await chown(dir, owner.uid, owner.gid);
    await chmod(dir, 0o700);
  }
  await run(join(bin, 'initdb'), ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], owner ?? {});
  const port = await freePort();
  const options = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', ...Object.entries(settings).map(([k, v]) => `${k}=${v}`)];
  let server: ServerProcess | undefined;
  const start = async (): Promise<void> => {
    const args = ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir, ...options.flatMap((o) => ['-c', o])];
    const started = spawnServer(join(bin, 'postgres'), args, owner ?? {});
    server = started;
    await waitUntilReady(`postgres on port ${port}`, started, () => ready(bin, port));
  };
  await start();
  return {
    port,
    url: `postgres://${USER}@127.0.0.1:${port}/postgres`,
    pause: async () => server?.stop('SIGINT'),
    resume: start,
    stop: async () => {
      await server?.stop('SIGINT');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** True when pg_isready says the server accepts connections. */
async function ready(bin: string, port: number): Promise<boolean> {
  return run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', USER, '-q']).then(() => true, () => false);
}

function systemUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error(`running as root, PostgreSQL needs the "${name}" user (the postgresql package creates it)`);
  return { uid: Number(uid), gid: Number(gid) };
}
