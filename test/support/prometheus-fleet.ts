// Three fleet-service.ts instances on one migration flag file, scraped every
// second by a real Prometheus, and the watching side of the tests: a provider
// on the same file, the audit log, the one rollback path and a Guard reading
// the fleet through PrometheusSource. Shared by the fleet end-to-end tests.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Guard, PrometheusSource } from '@cutover/guard';
import type { GuardOptions, GuardVerdict } from '@cutover/guard';
import { MigrationMetrics } from '@cutover/hooks';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { startChildService } from './child-service.js';
import type { ChildService } from './child-service.js';
import { startPrometheus } from './prometheus-server.js';
import type { PrometheusServer } from './prometheus-server.js';

const quiet: Logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

/** What {@link startPrometheusFleet} starts. */
export interface PrometheusFleetOptions {
  readonly flagKey: string;
  /** The stage the flag serves. */
  readonly stage: string;
  /** More environment for the services (see fleet-service.ts). */
  readonly env?: Readonly<Record<string, string>>;
}

/** The guard side of a fleet test, started by {@link PrometheusFleet.watch}. */
export interface FleetWatch {
  readonly guard: Guard;
  readonly audit: AuditLog;
  /** Every verdict the guard gave. */
  readonly verdicts: GuardVerdict[];
}

/** A running fleet. */
export interface PrometheusFleet {
  readonly dir: string;
  readonly services: readonly ChildService[];
  readonly prometheus: PrometheusServer;
  /** Starts a guard on the fleet's numbers, every second, rolling back through a provider on the flag file. */
  watch(criteria?: GuardOptions): Promise<FleetWatch>;
  /** What an instance's flag serves now. */
  stageOf(service: ChildService): Promise<{ stage: string; calls: number }>;
  /** Stops the guard, the provider, the services and Prometheus, and removes the directory. */
  stop(): Promise<void>;
}

/** Starts three instances on a fresh flag file and a Prometheus scraping them. */
export async function startPrometheusFleet(binary: string, options: PrometheusFleetOptions): Promise<PrometheusFleet> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-fleet-'));
  const file = join(dir, 'fleet.flagd.json');
  const flag = { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow', live: 'live' }, defaultVariant: options.stage, metadata: { kind: 'migration', rollbackVariant: 'off' } };
  await writeFile(file, JSON.stringify({ flags: { [options.flagKey]: flag } }));
  const env = { FLEET_FLAG_FILE: file, FLEET_FLAG_KEY: options.flagKey, FLEET_SERVICE_LIFETIME_MS: '90000', ...options.env };
  // Three tsx processes start slowly on a loaded machine: allow them a minute.
  const services = await Promise.all([0, 1, 2].map(() => startChildService('test/support/fleet-service.ts', env, 60_000)));
  const prometheus = await startPrometheus(binary, services.map((s) => `127.0.0.1:${s.port}`));
  let provider: CutoverProvider | undefined;
  let guard: Guard | undefined;
  return {
    dir,
    services,
    prometheus,
    async watch(criteria = {}) {
      provider = new CutoverProvider({ files: [file], watch: true, env: {}, logger: quiet });
      await OpenFeature.setProviderAndWait(`fleet-${randomUUID()}`, provider);
      const audit = new AuditLog(join(dir, 'audit.jsonl'));
      // The overlay beside the flag file and the definitions are the provider's own.
      const rollback = new Rollback({ provider, audit, metrics: new MigrationMetrics({ registry: new Registry(), logger: quiet }), logger: quiet });
      const verdicts: GuardVerdict[] = [];
      guard = new Guard({
        flagKey: options.flagKey,
        source: new PrometheusSource({ url: prometheus.url, flagKey: options.flagKey, timeoutMs: 2000 }),
        rollback,
        provider,
        criteria,
        options: { intervalMs: 1000 },
        logger: quiet,
        onVerdict: (verdict) => verdicts.push(verdict),
      }).start();
      return { guard, audit, verdicts };
    },
    async stageOf(service) {
      return (await fetch(`http://127.0.0.1:${service.port}/flag`)).json() as Promise<{ stage: string; calls: number }>;
    },
    async stop() {
      guard?.stop();
      await provider?.onClose();
      await Promise.all(services.map((s) => s.stop()));
      await prometheus.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
