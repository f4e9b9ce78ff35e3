import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenFeature } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutcomeEvents } from '@cutover/hooks';
import { FileComparisonStore } from '@cutover/migrate';
import type { ComparisonRecord } from '@cutover/migrate';
import { createCutover } from './create-cutover.js';
import type { Cutover } from './create-cutover.js';

const silent = { error() {}, warn() {}, info() {}, debug() {} };
const FLAG = 'search.engine';

function flagFile(defaultVariant: string): string {
  return JSON.stringify({
    flags: {
      [FLAG]: {
        state: 'ENABLED',
        variants: { off: 'off', shadow: 'shadow', live: 'live' },
        defaultVariant,
        metadata: { kind: 'migration', rollbackVariant: 'off' },
      },
    },
  });
}

describe(createCutover.name, () => {
  let dir: string;
  let cutover: Cutover | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-root-'));
  });
  afterEach(async () => {
    await cutover?.close();
    cutover = undefined;
    await OpenFeature.clearProviders();
    await rm(dir, { recursive: true, force: true });
  });

  async function start(defaultVariant: string, registry = new Registry(), outcomes: OutcomeEvents = {}): Promise<Cutover> {
    const file = join(dir, 'search.flagd.json');
    await writeFile(file, flagFile(defaultVariant));
    cutover = createCutover({ files: [file], registry, store: join(dir, 'comparisons'), audit: join(dir, 'audit.jsonl'), logger: silent, provider: { env: {}, watch: false }, outcomes });
    await OpenFeature.setProviderAndWait(cutover.provider);
    OpenFeature.addHooks(...cutover.hooks);
    return cutover;
  }

  it('wires provider, store and metrics: a shadow run is compared, stored and counted, and evaluations are measured', async () => {
    const registry = new Registry();
    const { migration, store } = await start('shadow', registry);
    const search = migration({ flagKey: FLAG, read: { legacy: (q: string) => q.toUpperCase(), candidate: (q: string) => q.toUpperCase() }, guard: false });
    const compared = new Promise((resolve) => search.subscribe((event) => event.type === 'comparison' && resolve(event)));
    expect(await search.read('abc', { targetingKey: 'u1' })).toBe('ABC');
    await compared;
    await (store as FileComparisonStore).flush();
    expect(await (store as FileComparisonStore).getSummary({ flagKey: FLAG })).toMatchObject({ total: 1 });
    const exposition = await registry.metrics();
    expect(exposition).toMatch(/feature_flag_evaluation_success_total\{[^}]*feature_flag_key="search.engine"[^}]*\} 1/);
    expect(exposition).toMatch(/cutover_migration_/);
  });

  it('guards each migration once, by default, through the one rollback: a failing live candidate is rolled back to its rollback variant', async () => {
    const { migration, guards, provider } = await start('live');
    const failing = migration({
      flagKey: FLAG,
      read: {
        legacy: () => 'ok',
        candidate: () => {
          throw new Error('candidate down');
        },
      },
      options: { fallbackToLegacy: true },
    });
    migration({ flagKey: FLAG, read: { legacy: () => 'ok', candidate: () => 'ok' } });
    expect([...guards.keys()]).toEqual([FLAG]);
    for (let i = 0; i < 300; i++) await failing.read(`q${i}`, { targetingKey: `u${i}` });
    const verdict = await guards.get(FLAG)!.evaluateNow();
    expect(verdict?.status).toBe('degraded');
    expect(provider.flagDefinitions().get(FLAG)).toBeDefined();
    expect((await OpenFeature.getClient().getStringDetails(FLAG, 'x')).value).toBe('off');
    expect(await readFile(join(dir, 'rollbacks.flagd.json'), 'utf8')).toContain('"off"');
    expect(await readFile(join(dir, 'audit.jsonl'), 'utf8')).toContain('"completed"');
  });

  it('judges match rate on the comparisons of a shared store, the fleet\'s, not only this process\'s', async () => {
    /** A store every instance writes to, as PostgreSQL is: here one directory the fleet's writers share. */
    class SharedStore extends FileComparisonStore {
      readonly shared = true;
    }
    const file = join(dir, 'search.flagd.json');
    await writeFile(file, flagFile('shadow'));
    const comparisons = join(dir, 'comparisons');
    cutover = createCutover({ files: [file], registry: new Registry(), store: new SharedStore({ directory: comparisons }), audit: join(dir, 'audit.jsonl'), logger: silent, provider: { env: {}, watch: false } });
    await OpenFeature.setProviderAndWait(cutover.provider);
    const search = cutover.migration({ flagKey: FLAG, read: { legacy: (q: string) => q, candidate: (q: string) => q } });
    for (let i = 0; i < 20; i++) await search.read(`q${i}`, { targetingKey: `u${i}` });
    // Another instance's candidate disagrees on every item it compared.
    const other = new FileComparisonStore({ directory: comparisons });
    const mismatch: ComparisonRecord = { timestamp: new Date().toISOString(), flagKey: FLAG, stage: 'shadow', outcome: 'mismatch', legacy: { status: 'ok', durationMs: 1 }, candidate: { status: 'ok', durationMs: 1 }, differences: [{ path: '$', legacy: 'q', candidate: 'Q' }] };
    for (let i = 0; i < 400; i++) void other.record(mismatch);
    await other.close();
    await cutover.store!.flush();
    const verdict = await cutover.guards.get(FLAG)!.evaluateNow();
    const check = verdict?.checks.find((c) => c.criterion === 'match-rate');
    expect(check?.sample.candidate).toBe(420);
    expect(check?.status).toBe('fail');
    expect(verdict?.status).toBe('degraded');
  });

  it('leaves a migration unguarded when told', async () => {
    const { migration, guards } = await start('shadow');
    migration({ flagKey: FLAG, read: { legacy: () => 1, candidate: () => 1 }, guard: false });
    expect(guards.size).toBe(0);
  });

  it('rolls back a candidate whose business outcomes fall below the success rate, reported through client.track', async () => {
    const { migration, guards } = await start('live', new Registry(), { pr_accepted: 'success', pr_rejected: 'failure' });
    const agent = migration({ flagKey: FLAG, read: { legacy: (issue: string) => `pr for ${issue}`, candidate: (issue: string) => `pr for ${issue}` } });
    const client = OpenFeature.getClient();
    for (let i = 0; i < 30; i++) {
      await agent.read(`issue-${i}`, { targetingKey: `issue-${i}` });
      // Reviewers accept one PR in three from the candidate: below the 70 % floor.
      client.track(i % 3 === 0 ? 'pr_accepted' : 'pr_rejected', { targetingKey: `issue-${i}` });
    }
    expect(cutover!.metrics.counts(FLAG).candidate.reported).toEqual({ success: 10, failure: 20 });
    const verdict = await guards.get(FLAG)!.evaluateNow();
    expect(verdict?.failed).toEqual(['success-rate']);
    expect(guards.get(FLAG)!.latest.rollback?.reason).toBe('success_rate');
    expect((await client.getStringDetails(FLAG, 'x')).value).toBe('off');
  });
});

