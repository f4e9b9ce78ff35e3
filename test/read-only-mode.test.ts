// Clambake's read-only testing day, end to end: the planner migration on the
// shipped flag files through createCutover and the real OpenFeature client.
// With the team's own CLAMBAKE_READONLY=1 (or its `clambake.read-only` kill
// switch flag on) no GitHub write runs on either path: the caller gets the
// simulated comment, the simulations are counted, and every planning read,
// the one the caller gets included, is told it is read-only.
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCutover } from 'cutover';
import type { Cutover } from 'cutover';
import type { RunContext } from '@cutover/migrate';
import { OpenFeature } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliWorkspace } from './support/cli-run.js';
import type { CliWorkspace } from './support/cli-run.js';

const quiet = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
const PLANNER = 'clambake.planner';

interface Issue {
  readonly number: number;
}

let ws: CliWorkspace;
let cutover: Cutover | undefined;
beforeEach(async () => {
  ws = await cliWorkspace();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await cutover?.close();
  cutover = undefined;
  await ws.remove();
});

async function start(): Promise<Cutover> {
  const domain = `clambake-${randomUUID()}`;
  const files = ['clambake.flagd.json'].map((name) => join(ws.flags, name));
  cutover = createCutover({ files, domain, registry: new Registry(), store: false, audit: ws.audit, guard: false, logger: quiet, provider: { env: {}, watch: true } });
  await OpenFeature.setProviderAndWait(domain, cutover.provider);
  return cutover;
}

function planner(c: Cutover, readOnly: { env: string } | { flag: string }) {
  const comments: string[] = [];
  const reads: string[] = [];
  const plan = (path: string) => (issue: Issue, run: RunContext) => {
    reads.push(`${path}:${run.readonly ? 'read-only' : 'read-write'}`);
    return { issue: issue.number, agent: 'agent-1' };
  };
  const comment = (path: string) => (issue: Issue) => {
    comments.push(`${path} commented on #${issue.number}`);
    return { posted: true, path };
  };
  const migration = c.migration({
    flagKey: PLANNER,
    read: { legacy: plan('legacy'), candidate: plan('candidate') },
    write: { legacy: comment('legacy'), candidate: comment('candidate') },
    simulateWrite: () => ({ posted: false, path: 'simulated' }),
    options: { readOnly },
  });
  return { migration, comments, reads };
}

// Issues shadowed on agents >= 2.4.0 (a quarter of issue numbers) and dual-written elsewhere.
const context = (issue: Issue) => ({ targetingKey: `issue-${issue.number}`, issueNumber: issue.number, agentVersion: '2.4.1' });

describe('read-only mode as a switch (clambake)', () => {
  it('with CLAMBAKE_READONLY=1 runs no GitHub write on any path, answers with the simulation, and runs every read read-only', async () => {
    vi.stubEnv('CLAMBAKE_READONLY', '1');
    const c = await start();
    const { migration, comments, reads } = planner(c, { env: 'CLAMBAKE_READONLY' });
    for (let number = 1; number <= 20; number++) {
      const issue = { number };
      await expect(migration.write(issue, context(issue))).resolves.toEqual({ posted: false, path: 'simulated' });
      await migration.read(issue, context(issue));
    }
    expect(comments).toEqual([]);
    expect(migration.stats().simulatedWrites).toBe(20);
    // Shadowed issues ran both reads (the candidate off the caller's path): every one of them read-only.
    await vi.waitFor(() => expect(reads.filter((r) => r.startsWith('candidate')).length).toBeGreaterThan(0));
    expect(new Set(reads)).toEqual(new Set(['legacy:read-only', 'candidate:read-only']));
  });

  it('with CLAMBAKE_READONLY unset writes through both paths of dualwrite', async () => {
    const c = await start();
    const { migration, comments } = planner(c, { env: 'CLAMBAKE_READONLY' });
    await expect(migration.write({ number: 7 }, { targetingKey: 'issue-7', issueNumber: 7, agentVersion: '2.3.0' })).resolves.toEqual({ posted: true, path: 'legacy' });
    expect(comments).toEqual(['legacy commented on #7', 'candidate commented on #7']);
    expect(migration.stats().simulatedWrites).toBe(0);
  });

  it("follows the team's kill switch flag as it is edited: on, writes stop at once; off, they run again", async () => {
    const c = await start();
    const { migration, comments } = planner(c, { flag: 'clambake.read-only' });
    const issue = { number: 9 };
    const legacyOnly = { targetingKey: 'issue-9', issueNumber: 9, agentVersion: '2.0.0' };
    await migration.write(issue, legacyOnly);
    expect(comments).toHaveLength(2);
    const client = OpenFeature.getClient(c.config.domain!);
    const kill = async (variant: 'on' | 'off'): Promise<void> => {
      const file = join(ws.flags, 'clambake.flagd.json');
      const document = JSON.parse(await readFile(file, 'utf8')) as { flags: Record<string, { defaultVariant: string }> };
      document.flags['clambake.read-only']!.defaultVariant = variant;
      await writeFile(file, JSON.stringify(document));
      await vi.waitFor(async () => expect(await client.getBooleanValue('clambake.read-only', variant === 'off')).toBe(variant === 'on'), { timeout: 5000 });
    };
    await kill('on');
    await expect(migration.write(issue, legacyOnly)).resolves.toEqual({ posted: false, path: 'simulated' });
    expect(comments).toHaveLength(2);
    await kill('off');
    await expect(migration.write(issue, legacyOnly)).resolves.toEqual({ posted: true, path: 'legacy' });
    expect(comments).toHaveLength(4);
    expect(migration.stats().simulatedWrites).toBe(1);
  });
});
