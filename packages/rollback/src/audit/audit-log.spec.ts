import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollbackWorkspace } from '../testing/rollback-workspace.js';
import type { RollbackWorkspace } from '../testing/rollback-workspace.js';
import { AuditLog } from './audit-log.js';

let dir: RollbackWorkspace;
beforeEach(async () => {
  dir = await rollbackWorkspace();
});
afterEach(() => dir.remove());

describe(AuditLog.name, () => {
  it('appends records and reads them back in order, with a timestamp', async () => {
    const log = new AuditLog(join(dir.dir, 'sub', 'audit.jsonl'));
    await log.append({ action: 'rollback', status: 'initiated', scope: 'planner', actor: 'guard', reason: 'error rate', details: { errorRate: 0.2 } });
    await log.append({ action: 'rollback', status: 'completed', scope: 'planner', actor: 'guard', reason: 'error rate' });
    const records = await log.read();
    expect(records.map((r) => r.status)).toEqual(['initiated', 'completed']);
    expect(records[0]!.details).toEqual({ errorRate: 0.2 });
    expect(Date.parse(records[0]!.at)).not.toBeNaN();
    expect((await log.recent(1))[0]!.status).toBe('completed');
  });

  it('skips a torn last line and reads a missing log as empty', async () => {
    const log = new AuditLog(join(dir.dir, 'audit.jsonl'));
    expect(await log.read()).toEqual([]);
    await log.append({ action: 'stage', status: 'completed', scope: 'planner', actor: 'cli', reason: 'r' });
    await appendFile(log.path, '{"at":"2026-01-01T00:00:00Z","act');
    expect(await log.read()).toHaveLength(1);
  });

  it('keeps every line when many appends race', async () => {
    const log = new AuditLog(join(dir.dir, 'audit.jsonl'));
    await Promise.all(Array.from({ length: 200 }, (_, i) => log.append({ action: 'stage', status: 'completed', scope: `f${i}`, actor: 'cli', reason: 'x'.repeat(i * 10) })));
    expect((await log.read()).map((r) => r.scope).sort()).toEqual(Array.from({ length: 200 }, (_, i) => `f${i}`).sort());
  });
});
