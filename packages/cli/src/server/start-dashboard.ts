import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidOptionError } from '@cutover/core';
import type { ComparisonStore } from '@cutover/migrate';
import type { CutoverProvider } from '@cutover/provider';
import type { AuditLog, Rollback } from '@cutover/rollback';
import type { Registry } from 'prom-client';
import type { MigrationMetrics } from '@cutover/hooks';
import { RefusalAudit } from './actions/refusal-audit.js';
import type { DashboardGuard } from './api/dashboard-guard.js';
import { MigrationDefinitions } from './api/migration-definitions.js';
import { resolveDashboardConfig } from './dashboard-config.js';
import type { DashboardOptions } from './dashboard-config.js';
import type { DashboardContext } from './dashboard-context.js';
import { DashboardError } from './dashboard-error.js';
import type { DependencyCheck } from './health/dependency-check.js';
import { validateDependencyChecks } from './health/validate-dependency-checks.js';
import { createRequestHandler } from './create-request-handler.js';
import { loadDashboardScript } from './page/dashboard-script.js';
import { formatHost, HostAllowlist } from './security/host-allowlist.js';
import { RolloutStateFile } from '@cutover/rollout';

/** Shortest token accepted: a guessable token would make the quick actions anyone's. */
export const MIN_TOKEN_LENGTH = 16;

/** What {@link startDashboard} serves, and how. */
export interface StartDashboardOptions extends DashboardOptions {
  /** The running provider: what it serves, and which files it rejected. Without it, files are parsed per request. */
  readonly provider?: CutoverProvider;
  /** The directory of the flag files (`*.flagd.json`). */
  readonly flagsDir: string;
  readonly store: ComparisonStore;
  /** The store's directory, probed for writes by `/health`; without it the probe is skipped. */
  readonly storeDirectory?: string;
  readonly auditLog: AuditLog;
  /**
   * Rollbacks for the emergency button and the rollbacks in force: on the
   * provider, `new Rollback({ provider, audit, metrics })`, whose metrics count
   * the dashboard's rollbacks as `cutover_rollbacks_total{reason="manual"}`.
   */
  readonly rollback: Rollback;
  /** Exposed at `/metrics`. */
  readonly registry: Registry;
  /**
   * The application's migration metrics, whose durations `/metrics/native`
   * serves as Prometheus native histograms (protobuf, for a scrape job of a
   * Prometheus with `--enable-feature=native-histograms`); without them that
   * path answers 404.
   */
  readonly migrationMetrics?: Pick<MigrationMetrics, 'nativeExposition'>;
  /** Bearer token the quick actions require; at least {@link MIN_TOKEN_LENGTH} characters. */
  readonly token: string;
  /** Guards by the flag key they watch; the page and `/health` report their verdicts. @default {} */
  readonly guards?: Readonly<Record<string, DashboardGuard>>;
  /** The rollout controllers' state, shown per migration and approved from the page. @default new RolloutStateFile() (`.cutover/rollouts`) */
  readonly rollouts?: Pick<RolloutStateFile, 'read' | 'list'>;
  /**
   * Checks of the application's own dependencies, each reported by `/health`
   * and the page under its name, with its status and latency. @default []
   */
  readonly checks?: readonly DependencyCheck[];
}

/** A running dashboard. */
export interface RunningDashboard {
  /** `http://127.0.0.1:<port>` (the bound address and port). */
  readonly url: string;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

/**
 * Starts the migration dashboard: the page, its JSON API, the quick actions,
 * `/health` and `/metrics`, on 127.0.0.1 and a free port unless told otherwise.
 * @throws {InvalidOptionError} for an invalid option
 * @throws {DashboardError} for a port that cannot be bound, or a package built without the page's script
 */
export async function startDashboard(options: StartDashboardOptions): Promise<RunningDashboard> {
  const { provider, flagsDir, store, storeDirectory, auditLog, rollback, registry, migrationMetrics, token, guards = {}, rollouts = new RolloutStateFile(), checks = [], ...tunables } = options;
  const config = resolveDashboardConfig(tunables);
  if (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH) {
    throw new InvalidOptionError({ component: 'Dashboard', option: 'token', reason: `at least ${MIN_TOKEN_LENGTH} characters are required` });
  }
  validateDependencyChecks(checks);
  const context: DashboardContext = {
    config,
    provider,
    definitions: new MigrationDefinitions(flagsDir),
    flagsDir,
    store,
    storeDirectory,
    auditLog,
    rollback,
    registry,
    migrationMetrics,
    token,
    guards,
    refusals: new RefusalAudit(auditLog),
    checks,
    rollouts,
    version: VERSION,
    startedAt: Date.now(),
  };
  // A package built without the page's script fails here, not on the first page load.
  await loadDashboardScript();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new DashboardError('LISTEN_FAILED', `cannot listen on ${config.host}:${config.port}: ${error.message}`, { cause: error })));
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  server.on('request', createRequestHandler(context, new HostAllowlist({ host: config.host, port, allowedHosts: config.allowedHosts })));
  return {
    url: `http://${formatHost(WILDCARD_TO_LOOPBACK[config.host] ?? config.host)}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// A wildcard address is not one a browser can open; the loopback address of its family is.
const WILDCARD_TO_LOOPBACK: Readonly<Record<string, string>> = { '0.0.0.0': '127.0.0.1', '::': '::1' };

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
