// The guard end to end in one process: a real Migration on a CutoverProvider
// reading temporary flag files, MigrationMetrics, a Guard on the local
// registry and the Rollback orchestrator with the real overlay and audit log.
// The candidate starts failing 20 % of calls (legacy 1 %); the guard trips,
// this process serves the rollback variant at once, the overlay holds it, a
// provider already watching the files follows, and so does a fresh one.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MigrationMetrics } from '@cutover/hooks';
import { Guard, LocalRegistrySource } from '@cutover/guard';
import type { GuardVerdict } from '@cutover/guard';
import { Migration } from '@cutover/migrate';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback, RollbackOverlay } from '@cutover/rollback';
import type { CutoverProviderOptions } from '@cutover/provider';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Client, Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';

const FLAG = 'checkout.pricing';
const quiet: Logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

async function connect(options: CutoverProviderOptions): Promise<{ provider: CutoverProvider; client: Client }> {
  const provider = new CutoverProvider({ env: {}, logger: quiet, ...options });
  const domain = `guard-rollback-${randomUUID()}`;
  await OpenFeature.setProviderAndWait(domain, provider);
  cleanup.push(() => provider.onClose());
  return { provider, client: OpenFeature.getClient(domain) };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('guard and rollback in one process', () => {
  it('rolls a candidate failing 20 % back at once, durably, audited, and other providers follow', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cutover-guard-e2e-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'shop.flagd.json');
    const overlayPath = join(dir, 'rollbacks.flagd.json');
    const flag = {
      state: 'ENABLED',
      variants: { off: 'off', shadow: 'shadow', live: 'live' },
      defaultVariant: 'live',
      metadata: { kind: 'migration', rollbackVariant: 'off', group: 'checkout' },
    };
    await writeFile(file, JSON.stringify({ flags: { [FLAG]: flag } }));
    const { provider, client } = await connect({ files: [file], watch: true });
    const { client: watcher } = await connect({ files: [file], watch: true });

    const registry = new Registry();
    const metrics = new MigrationMetrics({ registry, logger: quiet });
    let failing = false;
    let call = 0;
    const migration = new Migration<number, number>({
      flagKey: FLAG,
      client,
      read: {
        legacy: (n) => {
          if (n % 100 === 0) throw new Error('legacy hiccup');
          return n * 2;
        },
        candidate: (n) => {
          if (failing && n % 5 === 0) throw new Error('candidate regression');
          return n * 2;
        },
      },
      logger: quiet,
      options: { fallbackToLegacy: true },
    });
    metrics.attach(migration);

    const audit = new AuditLog(join(dir, 'audit.jsonl'));
    const overlay = new RollbackOverlay(overlayPath);
    // The overlay path and the flag definitions are the provider's own.
    const rollback = new Rollback({ provider, audit, metrics, logger: quiet });
    let degradedAt = 0;
    const guard = new Guard({
      flagKey: FLAG,
      source: new LocalRegistrySource({ metrics, flagKey: FLAG }),
      rollback,
      provider,
      // Every candidate error is also a mismatch here, so the match rate would
      // trip on the same evidence; off, the test measures the error-rate checks.
      criteria: { minMatchRate: 0 },
      logger: quiet,
      onVerdict: (verdict) => {
        if (verdict.status === 'degraded') degradedAt = performance.now();
      },
    });

    // A healthy phase, then the regression; the guard looks every 10 calls.
    const runBatch = async (size: number) => {
      for (let i = 0; i < size; i++) {
        // With fallbackToLegacy, a call both paths fail rejects: the application's to handle.
        await migration.read(++call, { targetingKey: `user-${call}` }).catch(() => undefined);
        // Lets the off-path legacy run and the comparison settle, as they would between requests.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await runBatch(200);
    expect((await guard.evaluateNow())?.status).toBe('healthy');
    failing = true;
    const failingFrom = call;
    let verdict: GuardVerdict | undefined;
    while (call - failingFrom < 2000) {
      await runBatch(10);
      verdict = await guard.evaluateNow();
      if (verdict?.status === 'degraded') break;
    }
    expect(verdict?.status).toBe('degraded');
    expect(verdict?.failed).toContain('error-rate');
    const callsToTrip = call - failingFrom;

    // This process serves the rollback variant, measured from the verdict.
    const result = guard.latest.rollback;
    expect(result).toMatchObject({ status: 'completed', reason: 'error_rate', flags: [{ flagKey: FLAG, variant: 'off' }] });
    expect(result!.timings.localMs).toBeLessThan(100);
    expect(await client.getStringValue(FLAG, 'live', { targetingKey: 'user-1' })).toBe('off');
    expect(await migration.read(5)).toBe(10);

    // Durable: the overlay holds it, the watching provider follows, and so does a fresh one.
    expect(await overlay.list()).toMatchObject([{ flagKey: FLAG, variant: 'off', by: 'guard' }]);
    // When the overlay was written, on the performance.now() clock.
    const overlayWrittenAt = (await stat(overlayPath)).mtimeMs - performance.timeOrigin;
    await until(async () => (await watcher.getStringValue(FLAG, 'live')) === 'off', 5000);
    const watcherMs = performance.now() - overlayWrittenAt;
    const { client: fresh } = await connect({ files: [file], watch: false });
    expect(await fresh.getStringDetails(FLAG, 'live')).toMatchObject({ value: 'off', variant: 'off', flagMetadata: { source: 'rollback' } });

    // Audited with the numbers, and counted.
    const records = await audit.read();
    expect(records.map((r) => r.status)).toEqual(['initiated', 'completed']);
    const checks = (records[1]?.details?.verdict as { checks: { criterion: string; status: string; summary: string }[] }).checks;
    expect(checks.find((c) => c.criterion === 'error-rate')).toMatchObject({ status: 'fail', summary: expect.stringMatching(/e \d/) });
    expect(records[1]?.details).toMatchObject({ timings: { localMs: result!.timings.localMs } });
    expect(await registry.metrics()).toContain(`cutover_rollbacks_total{feature_flag_key="${FLAG}",reason="error_rate",status="completed"} 1`);
    expect(degradedAt).toBeGreaterThan(0);

    console.log(
      `guard-rollback: tripped after ${callsToTrip} failing calls; verdict → local rollback ${result!.timings.localMs?.toFixed(3)} ms; ` +
        `overlay write ${result!.timings.durableMs?.toFixed(1)} ms; overlay written → watching provider serves it ${watcherMs.toFixed(0)} ms`,
    );
    guard.stop();
  });

  it('rolls back when an unrelated flag file has a bad edit: the last good definitions serve, the result names the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cutover-guard-e2e-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'shop.flagd.json');
    const unrelated = join(dir, 'mspbyte.flagd.json');
    const migration = { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow', live: 'live' }, defaultVariant: 'live', metadata: { kind: 'migration', rollbackVariant: 'off' } };
    await writeFile(file, JSON.stringify({ flags: { [FLAG]: migration } }));
    await writeFile(unrelated, JSON.stringify({ flags: { 'mspbyte.sync': migration } }));
    const { provider, client } = await connect({ files: [unrelated, file], watch: false });
    await appendFile(unrelated, ',,');
    await provider.reloadFile(unrelated);
    expect(provider.getFileStatus().broken).toEqual([unrelated]);

    const metrics = new MigrationMetrics({ registry: new Registry(), logger: quiet });
    const rollback = new Rollback({ provider, audit: new AuditLog(join(dir, 'audit.jsonl')), metrics, logger: quiet });
    const guard = new Guard({ flagKey: FLAG, source: new LocalRegistrySource({ metrics, flagKey: FLAG }), rollback, provider, criteria: { minMatchRate: 0 }, logger: quiet });
    guard.restartWindow();
    // The candidate fails 20 % of calls, legacy 1 %.
    for (let i = 0; i < 300; i++) {
      metrics.recordCall(FLAG, 'legacy', i % 100 === 0 ? 'error' : 'success', 0.05);
      metrics.recordCall(FLAG, 'candidate', i % 5 === 0 ? 'error' : 'success', 0.05);
    }
    expect((await guard.evaluateNow())?.status).toBe('degraded');
    expect(guard.latest.rollback).toMatchObject({ status: 'completed', flags: [{ flagKey: FLAG, variant: 'off' }], unreadable: [{ file: unrelated }] });
    expect(await client.getStringValue(FLAG, 'live')).toBe('off');
    // After a restart (the broken file still broken), the flag serves the rollback.
    const { client: restarted } = await connect({ files: [file], watch: false });
    expect(await restarted.getStringDetails(FLAG, 'live')).toMatchObject({ value: 'off', flagMetadata: { source: 'rollback' } });
  });
});
