import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import type { Command } from 'commander';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { DEFAULT_AUDIT_LOG, DEFAULT_COMPARISON_STORE, globalOptions, overlayPath } from '../command-support/cli-paths.js';
import { openComparisonStore, STORE_OPTION_DESCRIPTION } from '../command-support/open-comparison-store.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { generateToken } from '../server/security/generate-token.js';
import { startDashboard } from '../server/start-dashboard.js';

/** The port `cutover serve` binds unless told otherwise. */
export const DEFAULT_SERVE_PORT = 8420;

interface ServeOptions {
  readonly port: string;
  readonly host: string;
  readonly token?: string;
  readonly store: string;
  readonly audit: string;
  readonly refresh?: string;
  readonly window?: string;
  readonly allowedHost?: string[];
}

/** `cutover serve`: the migration dashboard, its JSON API, `/health` and `/metrics`, until SIGINT or SIGTERM. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the migration dashboard, its JSON API, /health and /metrics (quick actions need the token)')
    .option('--port <port>', 'port to listen on (0: any free port)', String(DEFAULT_SERVE_PORT))
    .option('--host <address>', 'address to bind; anything but loopback exposes the dashboard to the network', '127.0.0.1')
    .option('--token <token>', 'bearer token for quick actions (default: CUTOVER_DASHBOARD_TOKEN, else a generated one, printed)')
    .option('--store <dir|url>', STORE_OPTION_DESCRIPTION, DEFAULT_COMPARISON_STORE)
    .option('--audit <file>', 'audit log', DEFAULT_AUDIT_LOG)
    .option('--refresh <ms>', 'how often the page refreshes')
    .option('--window <seconds>', 'the window of comparisons summarised and charted')
    .option('--allowed-host <host...>', 'extra Host names to answer to (behind a proxy or a DNS name)')
    .action(async (options: ServeOptions, command: Command) => {
      const out = new Output();
      const { flags } = globalOptions(command);
      const files = await listFlagFiles(flags);
      const provider = new CutoverProvider({ files, rollbackOverlay: overlayPath(flags) });
      await provider.initialize().catch((error: Error) => out.error(out.colors.yellow(`warning: ${error.message} (the other files still serve)`)));
      const registry = new Registry();
      collectDefaultMetrics({ register: registry });
      const { store, directory } = await openComparisonStore(options.store);
      const auditLog = new AuditLog(options.audit);
      const given = options.token ?? process.env.CUTOVER_DASHBOARD_TOKEN;
      const token = given || generateToken();
      const dashboard = await startDashboard({
        provider,
        flagsDir: flags,
        store,
        storeDirectory: directory,
        auditLog,
        rollback: new Rollback({ provider, audit: auditLog }),
        registry,
        token,
        host: options.host,
        port: integer(options.port, '--port'),
        ...(options.refresh === undefined ? {} : { refreshIntervalMs: integer(options.refresh, '--refresh') }),
        ...(options.window === undefined ? {} : { windowSeconds: integer(options.window, '--window') }),
        ...(options.allowedHost === undefined ? {} : { allowedHosts: options.allowedHost }),
      });
      out.line(`${out.colors.bold('cutover dashboard')} ${dashboard.url}`);
      out.line(`  health ${dashboard.url}/health · metrics ${dashboard.url}/metrics · API ${dashboard.url}/api/migrations`);
      if (!given) out.line(`  token (generated; quick actions need it): ${token}`);
      if (!['127.0.0.1', '::1', 'localhost'].includes(options.host)) out.error(out.colors.yellow(`warning: listening on ${options.host}, not loopback: anyone who can reach it sees the dashboard`));
      await untilSignal();
      out.line('stopping');
      await dashboard.close();
      await Promise.all([provider.onClose(), store.close()]);
    });
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function integer(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`${option} must be an integer, not "${text}"`);
  return value;
}
