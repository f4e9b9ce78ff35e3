import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from './audit/audit-log.js';
import { RollbackOverlay } from './overlay/rollback-overlay.js';
import { Rollback } from './rollback.js';
import { memoryLogger, migrationFlag, recordingCounter, rollbackWorkspace } from './testing/rollback-workspace.js';
import type { RollbackWorkspace } from './testing/rollback-workspace.js';

const FLAGS = {
  search: migrationFlag('live', { group: 'bots' }),
  planner: migrationFlag('shadow', { group: 'bots' }),
  reports: migrationFlag('live'),
  banner: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
};

let ws: RollbackWorkspace;
afterEach(async () => {
  await ws?.remove();
});

async function setup() {
  ws = await rollbackWorkspace();
  const file = await ws.write('app.flagd.json', FLAGS);
  const { provider, client } = await ws.connect([file], { rollbackOverlay: ws.overlay });
  const metrics = recordingCounter();
  const audit = new AuditLog(ws.auditPath);
  const logger = memoryLogger();
  const rollback = new Rollback({ provider, audit, metrics, logger });
  return { file, provider, client, metrics, audit, logger, rollback };
}

describe(Rollback.name, () => {
  describe('one flag', () => {
    it('serves the rollback variant before the first await, then durably, audited and counted', async () => {
      const { provider, client, metrics, audit, rollback } = await setup();
      const done = rollback.rollback({ flag: 'search' }, 'error_rate', { numbers: { errorRate: 0.2 } });
      // Synchronously after the call: this process already serves the rollback variant.
      expect(provider.evaluate('string', 'search', 'live', {})).toMatchObject({ value: 'off' });
      const result = await done;
      expect(result).toMatchObject({ status: 'completed', scope: 'search', reason: 'error_rate', flags: [{ flagKey: 'search', variant: 'off' }] });
      expect(result.timings.localMs).toBeLessThan(50);
      expect(result.timings.durableMs).toBeGreaterThan(0);
      expect(result.unreadable).toBeUndefined();
      // The overlay now holds it and the provider serves it from there; the override is lifted.
      expect(provider.getRollbacks()).toEqual(['search']);
      expect(provider.getOverrides()).toEqual({});
      expect(await client.getStringDetails('search', 'live')).toMatchObject({ value: 'off', variant: 'off' });
      expect(await client.getStringValue('reports', 'off')).toBe('live');
      const records = await audit.read();
      expect(records.map((r) => [r.action, r.status, r.scope, r.actor])).toEqual([
        ['rollback', 'initiated', 'search', 'guard'],
        ['rollback', 'completed', 'search', 'guard'],
      ]);
      expect(records[1]?.details).toMatchObject({ errorRate: 0.2, reasonLabel: 'error_rate', timings: { localMs: expect.any(Number) } });
      expect(metrics.counted).toEqual([['search', 'error_rate', 'completed']]);
    });

    it('takes the overlay path and the definitions from the provider: the entry copies the flag file, not a rollout entry over it', async () => {
      const { provider, rollback } = await setup();
      const split = { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow', live: 'live' }, defaultVariant: 'shadow', targeting: { fractional: [['live', 10], ['shadow', 90]] }, metadata: { kind: 'migration', rollbackVariant: 'off', rolloutBy: 'controller' } };
      await writeFile(ws.overlay, JSON.stringify({ flags: { search: split } }));
      await provider.reloadFile(ws.overlay);
      expect(rollback.overlayPath).toBe(ws.overlay);
      await rollback.rollback({ flag: 'search' }, 'latency');
      const entry = JSON.parse(await readFile(ws.overlay, 'utf8')).flags.search;
      expect(entry).toMatchObject({ defaultVariant: 'off', metadata: { rolledBack: true, group: 'bots' } });
      expect(entry.targeting).toBeUndefined();
      expect(entry.metadata.rolloutBy).toBeUndefined();
    });
  });

  describe('scopes', () => {
    it('rolls back a group by metadata.group, and every migration flag with all', async () => {
      const { provider, rollback } = await setup();
      const group = await rollback.emergencyRollback({ group: 'bots' }, 'pager went off', { by: 'cli:alice' });
      expect(group).toMatchObject({ status: 'completed', reason: 'manual', scope: 'group:bots' });
      expect(group.flags.map((f) => f.flagKey).sort()).toEqual(['planner', 'search']);
      expect(group.entries?.map((e) => e.by)).toEqual(['cli:alice', 'cli:alice']);
      const all = await rollback.emergencyRollback({ all: true }, 'everything');
      expect(all.flags.map((f) => f.flagKey).sort()).toEqual(['planner', 'reports', 'search']);
      expect(provider.evaluate('boolean', 'banner', false, {})).toMatchObject({ value: true });
    });
  });

  describe('clearing', () => {
    it('lifts the overlay entries in scope, audited with the reason; lifting nothing records nothing', async () => {
      const { provider, audit, rollback } = await setup();
      await rollback.emergencyRollback({ all: true }, 'drill');
      expect(await rollback.clear({ group: 'bots' }, { reason: 'fixed', by: 'cli:alice' })).toMatchObject({ status: 'completed', scope: 'group:bots', cleared: ['search', 'planner'] });
      expect(provider.getRollbacks()).toEqual(['reports']);
      expect((await rollback.list()).map((e) => e.flagKey)).toEqual(['reports']);
      expect(await rollback.clear({ flag: 'search' }, { reason: 'again' })).toMatchObject({ status: 'completed', cleared: [] });
      expect((await audit.read()).filter((r) => r.action === 'rollback-cleared').map((r) => [r.status, r.scope, r.actor, r.reason, r.details?.flags])).toEqual([
        ['completed', 'group:bots', 'cli:alice', 'fixed', ['search', 'planner']],
      ]);
    });

    it('also lifts the override a rollback left when its overlay write failed', async () => {
      ws = await rollbackWorkspace();
      const { provider, client, audit, rollback } = await blockOverlay();
      expect((await rollback.rollback({ flag: 'search' }, 'latency')).status).toBe('failed');
      expect(await client.getStringValue('search', 'live')).toBe('off');
      expect(await rollback.clear({ flag: 'search' }, { reason: 'false alarm' })).toMatchObject({ status: 'failed', cleared: ['search'] });
      expect(provider.getOverrides()).toEqual({});
      expect(await client.getStringValue('search', 'off')).toBe('live');
      expect((await audit.read()).at(-1)).toMatchObject({ action: 'rollback-cleared', status: 'failed', details: { flags: ['search'] } });
    });
  });

  describe('failures', () => {
    it('fails an unknown flag without touching anything, audited and counted', async () => {
      const { provider, audit, metrics, rollback } = await setup();
      const result = await rollback.rollback({ flag: 'nope' }, 'manual');
      expect(result).toMatchObject({ status: 'failed', errorCode: 'ROLLBACK_INVALID', flags: [], error: expect.stringMatching(/"nope" is in none of the flag files/) });
      expect(provider.getOverrides()).toEqual({});
      expect((await audit.read()).map((r) => r.status)).toEqual(['initiated', 'failed']);
      expect(metrics.counted).toEqual([['nope', 'manual', 'failed']]);
    });

    it('never rolls back a flag that is not a migration', async () => {
      const { provider, rollback } = await setup();
      expect(await rollback.rollback({ flag: 'banner' }, 'manual')).toMatchObject({ status: 'failed', errorCode: 'ROLLBACK_INVALID', error: expect.stringMatching(/no migration flag/) });
      expect(provider.getOverrides()).toEqual({});
    });

    it('keeps the local override when the overlay cannot be written, and reports failed', async () => {
      ws = await rollbackWorkspace();
      const { provider, client, audit, logger, rollback } = await blockOverlay();
      const result = await rollback.rollback({ flag: 'search' }, 'latency');
      expect(result).toMatchObject({ status: 'failed', errorCode: 'OVERLAY_WRITE_FAILED', error: expect.stringMatching(/writing the rollback overlay failed/) });
      expect(result.timings.durableMs).toBeNull();
      expect(provider.getOverrides()).toEqual({ search: 'off' });
      expect(await client.getStringValue('search', 'live')).toBe('off');
      expect((await audit.read()).at(-1)).toMatchObject({ status: 'failed', details: { error: expect.any(String) } });
      expect(logger.lines.join()).toMatch(/rollback of search \(latency\) failed/);
    });

    it('serves the rollback here and fails when the provider has no overlay', async () => {
      ws = await rollbackWorkspace();
      const file = await ws.write('app.flagd.json', FLAGS);
      const { provider } = await ws.connect([file], { rollbackOverlay: false });
      const rollback = new Rollback({ provider, audit: new AuditLog(ws.auditPath), logger: memoryLogger() });
      expect(await rollback.rollback({ flag: 'search' }, 'manual')).toMatchObject({ status: 'failed', errorCode: 'OVERLAY_UNAVAILABLE' });
      expect(provider.getOverrides()).toEqual({ search: 'off' });
      expect(await rollback.list()).toEqual([]);
    });

    it('never throws when the audit log or the counter fails', async () => {
      const { provider } = await setup();
      const rollback = new Rollback({
        provider,
        audit: { append: () => Promise.reject(new Error('disk full')) },
        metrics: { recordRollback: () => { throw new Error('registry gone'); } },
        logger: memoryLogger(),
      });
      expect(await rollback.rollback({ flag: 'search' }, 'manual')).toMatchObject({ status: 'completed' });
    });
  });

  describe('a broken unrelated flag file', () => {
    it('does not block a rollback beside a provider: the last good definitions serve, the file is named', async () => {
      const { file, provider, client, rollback } = await setup();
      await appendFile(file, ',,');
      await provider.reloadFile(file);
      expect(provider.getFileStatus().broken).toEqual([file]);
      const result = await rollback.emergencyRollback({ flag: 'search' }, 'pager');
      expect(result).toMatchObject({ status: 'completed', flags: [{ flagKey: 'search', variant: 'off' }], unreadable: [{ file, error: expect.any(String) }] });
      expect(await client.getStringValue('search', 'live')).toBe('off');
    });

    it('does not block a rollback without a provider: the other files are read, the broken one is named', async () => {
      ws = await rollbackWorkspace();
      const broken = await ws.write('mspbyte.flagd.json', JSON.stringify({ flags: { msp: migrationFlag('live') } }) + ',,');
      const good = await ws.write('nutribot.flagd.json', { 'nutribot.food-detection': migrationFlag('shadow') });
      const rollback = new Rollback({ files: [broken, good], overlay: ws.overlay, audit: new AuditLog(ws.auditPath), logger: memoryLogger() });
      const result = await rollback.emergencyRollback({ flag: 'nutribot.food-detection' }, 'x', { by: 'cli:test' });
      expect(result).toMatchObject({ status: 'completed', timings: { localMs: null }, unreadable: [{ file: broken, error: expect.stringMatching(/mspbyte\.flagd\.json:\d+:\d+/) }] });
      // A restarted provider on the same files serves the rollback.
      const { client } = await ws.connect([good], { rollbackOverlay: ws.overlay });
      expect(await client.getStringValue('nutribot.food-detection', 'shadow')).toBe('off');
      const record = (await new AuditLog(ws.auditPath).read()).at(-1);
      expect(record?.details).toMatchObject({ unreadable: [{ file: broken }] });
      // The flag of the broken file is not known: its rollback fails and says why.
      expect(await rollback.emergencyRollback({ flag: 'msp' }, 'x')).toMatchObject({ status: 'failed', error: expect.stringContaining('could not be read: ') });
    });
  });

  describe('flag keys that are not plain properties', () => {
    it.each(['__proto__', 'constructor', 'toString'])('rolls back and clears a flag keyed %s, with or without a provider', async (key) => {
      ws = await rollbackWorkspace();
      const file = await ws.write('odd.flagd.json', `{ "flags": { ${JSON.stringify(key)}: ${JSON.stringify(migrationFlag('live'))} } }`);
      const offline = new Rollback({ files: [file], overlay: ws.overlay, audit: new AuditLog(ws.auditPath), logger: memoryLogger() });
      expect(await offline.emergencyRollback({ flag: key }, 'x')).toMatchObject({ status: 'completed', flags: [{ flagKey: key, variant: 'off' }] });
      expect(Object.keys(JSON.parse(await readFile(ws.overlay, 'utf8')).flags)).toEqual([key]);
      const { provider, client } = await ws.connect([file], { rollbackOverlay: ws.overlay });
      expect(await client.getStringDetails(key, 'live')).toMatchObject({ value: 'off', flagMetadata: { source: 'rollback' } });
      expect((await new RollbackOverlay(ws.overlay).list()).map((e) => e.flagKey)).toEqual([key]);
      const online = new Rollback({ provider, audit: new AuditLog(ws.auditPath), logger: memoryLogger() });
      expect(await online.clear({ flag: key }, { reason: 'fixed' })).toMatchObject({ cleared: [key] });
      expect(await client.getStringValue(key, 'off')).toBe('live');
      // Nothing leaked onto the prototype of plain objects.
      expect(({} as Record<string, unknown>).rolledBack).toBeUndefined();
    });
  });
});

// A provider whose overlay directory turns into a file after it started: the durable write cannot happen.
async function blockOverlay() {
  const sub = join(ws.dir, 'sub');
  await mkdir(sub, { recursive: true });
  const file = await ws.write('blocked.flagd.json', FLAGS);
  const { provider, client } = await ws.connect([file], { rollbackOverlay: join(sub, 'rollbacks.flagd.json') });
  await rm(sub, { recursive: true });
  await writeFile(sub, 'x');
  const audit = new AuditLog(join(ws.dir, 'blocked-audit.jsonl'));
  const logger = memoryLogger();
  return { provider, client, audit, logger, rollback: new Rollback({ provider, audit, logger }) };
}
