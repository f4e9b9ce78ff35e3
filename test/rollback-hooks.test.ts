// CVPlus's circuit breaker migration, end to end: createCutover on the team's
// flag file, the real OpenFeature client, the guard on the local registry.
// When the package breaker starts failing, the guard rolls back; before this
// process serves legacy again, a hook restores the legacy breakers' state from
// the backup, and once the rollback is through another checks legacy's health.
// A hook that throws never stops the rollback; every hook's outcome is in the
// audit log.
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditLog } from '@cutover/rollback';
import type { RollbackHook } from '@cutover/rollback';
import { OpenFeature } from '@openfeature/server-sdk';
import { createCutover } from 'cutover';
import type { Cutover } from 'cutover';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cvplusFlags } from './support/cvplus-flags.js';
import type { CvplusFlags } from './support/cvplus-flags.js';

const quiet = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
const FLAG = 'circuit-breaker-package-enabled';

type BreakerState = Record<string, 'closed' | 'open' | 'half-open'>;

let flags: CvplusFlags;
let cutover: Cutover | undefined;
beforeEach(async () => {
  flags = await cvplusFlags('live');
});
afterEach(async () => {
  await cutover?.close();
  cutover = undefined;
  await flags.remove();
});

describe('rollback hooks (cvplus circuit breaker)', () => {
  it('restores the breaker state before legacy serves again, validates legacy after, and audits both, past a throwing hook', async () => {
    const backup = join(flags.dir, 'breaker-state.backup.json');
    await writeFile(backup, JSON.stringify({ 'recommendations-api': 'open', 'ai-service': 'half-open' }));
    const legacyBreakers: BreakerState = { 'recommendations-api': 'closed', 'ai-service': 'closed' };
    const events: string[] = [];
    const domain = `cvplus-${randomUUID()}`;
    const client = OpenFeature.getClient(domain);
    const served = () => client.getStringValue(FLAG, 'live');

    const restoreBreakerState: RollbackHook = {
      name: 'restore-breaker-state',
      run: async () => {
        Object.assign(legacyBreakers, JSON.parse(await readFile(backup, 'utf8')) as BreakerState);
        events.push(`restored while serving ${await served()}`);
      },
    };
    const notifyOnCall: RollbackHook = {
      name: 'notify-on-call',
      run: () => {
        throw new Error('pager endpoint unreachable');
      },
    };
    const validateLegacyHealth: RollbackHook = {
      name: 'validate-legacy-health',
      run: async ({ status }) => {
        events.push(`validated ${status} while serving ${await served()}: ai-service ${legacyBreakers['ai-service']}`);
      },
    };

    cutover = createCutover({
      files: [flags.file],
      domain,
      registry: new Registry(),
      store: false,
      audit: flags.audit,
      logger: quiet,
      provider: { env: {}, watch: false },
      guard: { criteria: { minMatchRate: 0 }, run: { intervalMs: 3_600_000 } },
      rollbackHooks: { before: [restoreBreakerState, notifyOnCall], after: [validateLegacyHealth] },
    });
    await OpenFeature.setProviderAndWait(domain, cutover.provider);
    let failing = false;
    const breaker = cutover.migration({
      flagKey: FLAG,
      read: {
        legacy: (service: string) => legacyBreakers[service] ?? 'closed',
        candidate: (service: string) => {
          if (failing) throw new Error('package breaker lost its state');
          return legacyBreakers[service] ?? 'closed';
        },
      },
      options: { fallbackToLegacy: true },
    });
    const guard = cutover.guards.get(FLAG)!;

    let call = 0;
    const batch = async (size: number) => {
      for (let i = 0; i < size; i++) {
        await breaker.read('ai-service', { targetingKey: `user-${++call}` }).catch(() => undefined);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await batch(200);
    expect((await guard.evaluateNow())?.status).toBe('healthy');
    failing = true;
    for (let rounds = 0; rounds < 200 && guard.latest.verdict?.status !== 'degraded'; rounds++) {
      await batch(10);
      await guard.evaluateNow();
    }
    const result = guard.latest.rollback;
    expect(result).toMatchObject({ status: 'completed', reason: 'error_rate', flags: [{ flagKey: FLAG, variant: 'off' }] });

    // Before: the state was back while the package breaker still served; after: legacy serves with it.
    expect(events).toEqual(['restored while serving live', 'validated completed while serving off: ai-service half-open']);
    expect(await breaker.read('ai-service', { targetingKey: 'user-1' })).toBe('half-open');
    expect(result!.hooks?.map((h) => [h.phase, h.name, h.status])).toEqual([
      ['before', 'restore-breaker-state', 'ok'],
      ['before', 'notify-on-call', 'failed'],
      ['after', 'validate-legacy-health', 'ok'],
    ]);
    const records = await new AuditLog(flags.audit).read((r) => r.action === 'rollback');
    expect(records.map((r) => [r.status, r.actor])).toEqual([
      ['initiated', 'guard'],
      ['completed', 'guard'],
    ]);
    expect(records[1]!.details).toMatchObject({
      hooks: [
        { name: 'restore-breaker-state', status: 'ok' },
        { name: 'notify-on-call', status: 'failed', error: 'pager endpoint unreachable' },
        { name: 'validate-legacy-health', status: 'ok' },
      ],
    });
  });
});
