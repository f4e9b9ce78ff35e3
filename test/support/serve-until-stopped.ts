import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenFeature } from '@openfeature/server-sdk';

/**
 * The life of a service run as a test's child process: it prints its port as
 * one JSON line, and stops (connections closed, OpenFeature closed, exit 0) on
 * SIGTERM, when its parent closes stdin, or after `lifetimeMs` so a crashed
 * test never leaves it behind.
 */
export function serveUntilStopped(server: Server, options: { readonly onStop: () => void; readonly lifetimeMs?: number }): void {
  const stop = async (): Promise<void> => {
    options.onStop();
    server.closeAllConnections();
    server.close();
    await OpenFeature.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  if (options.lifetimeMs !== undefined) setTimeout(() => void stop(), options.lifetimeMs).unref();
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
}
