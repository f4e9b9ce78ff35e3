// Availability end to end in one process: a real Migration and its metrics,
// a Guard on the local registry. A candidate that hangs (it never answers, the
// runner times it out) and a 10 % canary whose traffic disappears (the
// requests stop carrying the attribute that put them on the candidate) are
// both degraded and rolled back.
import { randomUUID } from 'node:crypto';
import { Guard, LocalRegistrySource } from '@cutover/guard';
import type { GuardOptions } from '@cutover/guard';
import { MigrationMetrics } from '@cutover/hooks';
import { Migration } from '@cutover/migrate';
import type { RollbackReason, RollbackResult } from '@cutover/rollback';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import type { Client, EvaluationContext, Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';

const FLAG = 'search.engine';
const quiet: Logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

afterAll(async () => {
  await OpenFeature.clearProviders();
});

async function clientServing(stageOf: (context: EvaluationContext) => string): Promise<Client> {
  const domain = `guard-availability-${randomUUID()}`;
  const variants = { off: 'off', shadow: 'shadow', live: 'live' };
  await OpenFeature.setProviderAndWait(domain, new InMemoryProvider({ [FLAG]: { variants, defaultVariant: 'off', disabled: false, contextEvaluator: stageOf } }));
  return OpenFeature.getClient(domain);
}

function guarded(migration: Migration<number, number>, clock: { now: number }, criteria: GuardOptions = {}) {
  const metrics = new MigrationMetrics({ registry: new Registry() });
  metrics.attach(migration);
  const reasons: RollbackReason[] = [];
  const rollback = {
    rollback: (_scope: unknown, reason: RollbackReason): Promise<RollbackResult> => {
      reasons.push(reason);
      return Promise.resolve({ status: 'completed', scope: FLAG, reason, flags: [], timings: { localMs: 0, durableMs: 0, totalMs: 0 } });
    },
  };
  const source = new LocalRegistrySource({ metrics, flagKey: FLAG, now: () => clock.now });
  const guard = new Guard({ flagKey: FLAG, source, rollback, metrics, logger: quiet, now: () => clock.now, criteria });
  guard.restartWindow();
  return { guard, reasons, registry: metrics };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('guard availability', () => {
  it('rolls back a candidate that hangs in shadow: every run times out', async () => {
    const client = await clientServing(() => 'shadow');
    const hang = (): Promise<number> => new Promise<number>(() => {});
    const migration = new Migration<number, number>({
      flagKey: FLAG, client, read: { legacy: (n) => n, candidate: hang }, options: { candidateTimeoutMs: 20 }, logger: quiet,
    });
    const clock = { now: 1_000_000 };
    const { guard, reasons } = guarded(migration, clock);
    // The caller always gets legacy's answer at once; the candidate's runs end at their timeout.
    for (let n = 0; n < 150; n++) expect(await migration.read(n)).toBe(n);
    // Every candidate run ends at its timeout, or was shed by the in-flight bound.
    await settle(300);
    clock.now += 5000;
    const verdict = await guard.evaluateNow();
    expect(verdict?.status).toBe('degraded');
    expect(verdict?.failed).toContain('availability');
    expect(verdict?.checks.find((c) => c.criterion === 'availability')?.observed).toBe(0);
    expect(reasons).toHaveLength(1);
  });

  it('rolls back a 10 % canary whose traffic disappears while legacy keeps serving', async () => {
    // The canary is the requests whose user id ends in 0; a caller that stops sending the id sends every request to legacy.
    const client = await clientServing((context) => (typeof context.userId === 'string' && context.userId.endsWith('0') ? 'live' : 'off'));
    const migration = new Migration<number, number>({ flagKey: FLAG, client, read: { legacy: (n) => n, candidate: (n) => n }, logger: quiet });
    const clock = { now: 1_000_000 };
    // In-process functions answer in microseconds, where timing noise outweighs any latency ratio: latency is not this test's subject.
    const { guard, reasons } = guarded(migration, clock, { maxLatencyRatio: 1e6 });
    const tick = async (withIds: boolean): Promise<void> => {
      clock.now += 5000;
      for (let i = 0; i < 100; i++) await migration.read(i, withIds ? { userId: `user-${i}` } : {});
      await settle(20);
    };
    for (let t = 0; t < 24; t++) {
      await tick(true);
      expect((await guard.evaluateNow())?.status).not.toBe('degraded');
    }
    let ticks = 0;
    let verdict;
    do {
      await tick(false);
      verdict = await guard.evaluateNow();
      ticks++;
    } while (verdict?.status !== 'degraded' && ticks < 24);
    expect(verdict?.failed).toEqual(['traffic']);
    expect(ticks).toBeLessThanOrEqual(12);
    expect(reasons).toEqual(['availability']);
  });
});
