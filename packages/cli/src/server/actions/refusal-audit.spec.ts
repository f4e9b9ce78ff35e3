import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '@cutover/rollback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFUSALS_PER_MINUTE, RefusalAudit } from './refusal-audit.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutover-refusals-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(RefusalAudit.name, () => {
  it('records refusals up to the limit per minute, then counts the rest into the next record', async () => {
    let now = 0;
    const log = new AuditLog(join(dir, 'audit.jsonl'));
    const refusals = new RefusalAudit(log, () => now);
    const refusal = { action: 'rollback' as const, scope: 'search', reason: 'no token', remoteAddress: '127.0.0.1' };
    for (let i = 0; i < REFUSALS_PER_MINUTE + 5; i++) await refusals.record(refusal);
    expect(await log.read()).toHaveLength(REFUSALS_PER_MINUTE);
    now = 60_000;
    await refusals.record(refusal);
    const last = (await log.read()).at(-1)!;
    expect(last).toMatchObject({ action: 'rollback', status: 'failed', actor: 'dashboard', scope: 'search', reason: 'refused: no token' });
    expect(last.details).toMatchObject({ refused: true, suppressed: 5, remoteAddress: '127.0.0.1' });
  });
});
