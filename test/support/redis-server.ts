// A real Redis server for a test: a temporary directory, 127.0.0.1 only, a
// free port. It can be killed (SIGKILL, as a crash) and started again on the
// same port; `stop()` ends it and removes its files.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './prometheus-server.js';
import { spawnServer, waitUntilReady } from './server-process.js';
import type { ServerProcess } from './server-process.js';

/** A Redis server run by a test. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Kills the server with SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after {@link RedisServer.kill}); its data is gone. */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}

/** Starts `binary` (redis-server) without persistence; resolves once it answers PING. */
export async function startRedis(binary: string): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-redis-'));
  const port = await freePort();
  let server: ServerProcess | undefined;
  const start = async (): Promise<void> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
    const started = spawnServer(binary, args);
    server = started;
    await waitUntilReady(`redis-server on port ${port}`, started, () => ping(port));
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: async () => server?.stop('SIGKILL'),
    restart: start,
    stop: async () => {
      await server?.stop('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** True when a Redis server on `port` answers PING with PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.startsWith('+PONG')));
    socket.on('error', () => resolve(false));
  });
}
