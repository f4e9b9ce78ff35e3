// Two flags at the same percentage pick the same tenants when they share a
// cohort: `cutover rollout --cohort` writes flagd's own bucketing expression,
// the provider's file layer serves it, and a real flagd serves it unchanged,
// bucketing exactly as the provider does (flagd 0.11.2 buckets the v1 way).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpenFeature } from '@openfeature/server-sdk';
import { CutoverProvider } from '@cutover/provider';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { cliWorkspacePerTest, SILENT } from './support/cli-workspace-per-test.js';
import { Flagd, findFlagd } from './support/flagd.js';

const TENANTS = Array.from({ length: 1000 }, (_, i) => `tenant-${i}`);
const FLAGS = ['mspbyte.analyzers', 'mspbyte.queue'] as const;
const binary = findFlagd();

const workspace = cliWorkspacePerTest();

const cli = async (...args: string[]) => {
  const result = await runCliInProcess([...args, '--flags', workspace().flags, '--audit', workspace().audit]);
  expect(result, result.stderr).toMatchObject({ code: 0 });
  return result;
};

// Both flags shadowed for every tenant, then 10 % of them live, with or without a shared cohort.
async function rollOutBoth(percent: number, cohort?: string): Promise<void> {
  for (const flag of FLAGS) {
    await cli('stage', flag, 'shadow', '--reason', 'compare every tenant');
    await cli('rollout', flag, String(percent), ...(cohort ? ['--cohort', cohort] : []), '--reason', 'week 3');
  }
}

async function liveTenants(bucketing: 'v1' | 'v2' = 'v2'): Promise<Record<(typeof FLAGS)[number], Set<string>>> {
  const name = `cohorts-${bucketing}-${Math.random()}`;
  await OpenFeature.setProviderAndWait(name, new CutoverProvider({ files: [join(workspace().flags, 'mspbyte.flagd.json')], rollbackOverlay: false, watch: false, env: {}, bucketing, logger: SILENT }));
  const client = OpenFeature.getClient(name);
  const live = { 'mspbyte.analyzers': new Set<string>(), 'mspbyte.queue': new Set<string>() };
  for (const tenant of TENANTS) {
    for (const flag of FLAGS) {
      if ((await client.getStringValue(flag, 'off', { targetingKey: tenant, tenantId: tenant })) === 'live') live[flag].add(tenant);
    }
  }
  return live;
}

const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((id) => b.has(id)).length;

describe('cutover rollout --cohort', () => {
  it('picks the same tenants for two flags at the same percentage, where the flag key as seed picks mostly different ones', async () => {
    await rollOutBoth(10);
    const apart = await liveTenants();
    expect(apart['mspbyte.analyzers'].size).toBeGreaterThan(70);
    // flagd's default seed is the flag key: about 10 % of 10 % are on both.
    expect(overlap(apart['mspbyte.analyzers'], apart['mspbyte.queue'])).toBeLessThan(30);

    const first = await cli('rollout', 'mspbyte.analyzers', '10', '--cohort', 'mspbyte-tenants');
    expect(first.stdout).toContain('{ "fractional": [{ "cat": ["mspbyte-tenants", { "var": "targetingKey" }] }, ["live", 10], ["shadow", 90]] }');
    await cli('rollout', 'mspbyte.queue', '10', '--cohort', 'mspbyte-tenants');
    const together = await liveTenants();
    expect(together['mspbyte.analyzers'].size).toBeGreaterThan(70);
    expect(together['mspbyte.analyzers'].size).toBeLessThan(140);
    expect([...together['mspbyte.queue']].sort()).toEqual([...together['mspbyte.analyzers']].sort());
    const validated = await runCliInProcess(['validate', '--strict', '--flags', workspace().flags]);
    expect(validated.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
  });

  it('keeps the cohort when the percentage grows, so the tenants of 10 % stay in 50 %', async () => {
    await rollOutBoth(10, 'mspbyte-tenants');
    const at10 = await liveTenants();
    await cli('rollout', 'mspbyte.analyzers', '50');
    await cli('rollout', 'mspbyte.queue', '50');
    const at50 = await liveTenants();
    expect([...at10['mspbyte.analyzers']].every((tenant) => at50['mspbyte.analyzers'].has(tenant))).toBe(true);
    expect([...at50['mspbyte.queue']].sort()).toEqual([...at50['mspbyte.analyzers']].sort());
    // The allow-list the team wrote stays, in front of the split.
    const text = await readFile(join(workspace().flags, 'mspbyte.flagd.json'), 'utf8');
    expect(text).toContain('{ "in": [{ "var": "tenantId" }, ["tenant-acme", "tenant-globex", "tenant-initech"]] },\n          "live",\n          { "ends_with"');
  });

  it.skipIf(!binary)('is served unchanged by a real flagd, which buckets every tenant as the provider does', async () => {
    await rollOutBoth(10, 'mspbyte-tenants');
    const flagd = await Flagd.start({ binary: binary!, files: [join(workspace().flags, 'mspbyte.flagd.json')] });
    try {
      const provider = await liveTenants('v1');
      const served = { 'mspbyte.analyzers': new Set<string>(), 'mspbyte.queue': new Set<string>() };
      for (const tenant of TENANTS) {
        const response = await fetch(`${flagd.url}/flagd.evaluation.v1.Service/ResolveAll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ context: { targetingKey: tenant, tenantId: tenant } }),
        });
        const { flags = {} } = (await response.json()) as { flags?: Record<string, { stringValue?: string }> };
        for (const flag of FLAGS) if (flags[flag]?.stringValue === 'live') served[flag].add(tenant);
      }
      expect(served['mspbyte.analyzers'].size).toBeGreaterThan(70);
      expect([...served['mspbyte.analyzers']].sort()).toEqual([...provider['mspbyte.analyzers']].sort());
      expect([...served['mspbyte.queue']].sort()).toEqual([...served['mspbyte.analyzers']].sort());
    } finally {
      await flagd.stop();
    }
  });
});
