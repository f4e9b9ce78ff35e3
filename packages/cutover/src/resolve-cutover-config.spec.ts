import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProject } from '@cutover/core';
import { register } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCutoverConfig } from './resolve-cutover-config.js';

describe(resolveCutoverConfig.name, () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cutover-config-'));
    await mkdir(join(root, 'flags'));
    for (const name of ['b.flagd.json', 'a.flagd.json', 'rollbacks.flagd.json', 'notes.md']) await writeFile(join(root, 'flags', name), '{}');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('takes the flag files, store and audit log from the project when not told, as the CLI finds them', () => {
    const config = resolveCutoverConfig({}, () => findProject({ cwd: root, env: {} }));
    expect(config).toMatchObject({
      files: [join(root, 'flags', 'a.flagd.json'), join(root, 'flags', 'b.flagd.json')],
      store: join(root, '.cutover', 'comparisons'),
      audit: join(root, '.cutover', 'audit.jsonl'),
      guard: {},
      provider: {},
      domain: undefined,
      logger: console,
    });
    expect(config.registry).toBe(register);
  });

  it('keeps what it is told, and needs no project when the files are given', () => {
    const config = resolveCutoverConfig({ files: ['x.flagd.json'], store: false, audit: 'a.jsonl', guard: false }, () => {
      throw new Error('no project');
    });
    expect(config).toMatchObject({ files: ['x.flagd.json'], store: false, audit: 'a.jsonl', guard: false });
  });

  it("takes envFlags and stages from the project's cutover.config.json, below the provider options", async () => {
    const envFlags = { 'mspbyte.bullmq': { enabled: 'USE_BULLMQ', ids: 'BULLMQ_TENANTS', percentage: 'MIGRATION_PERCENTAGE' } };
    await writeFile(join(root, 'cutover.config.json'), JSON.stringify({ flags: 'flags', envFlags, stages: { 'mspbyte.bullmq': { true: 'live', false: 'off' } } }));
    const project = () => findProject({ cwd: root, env: {} });
    expect(resolveCutoverConfig({}, project).provider).toEqual({ envFlags, stages: { 'mspbyte.bullmq': { true: 'live', false: 'off' } } });
    expect(resolveCutoverConfig({ provider: { stages: {} } }, project).provider).toEqual({ envFlags, stages: {} });
  });
});
