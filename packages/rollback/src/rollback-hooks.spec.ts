import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from './audit/audit-log.js';
import type { RollbackHook, RollbackHooks } from './hooks/rollback-hook.js';
import { Rollback } from './rollback.js';
import { memoryLogger, migrationFlag, rollbackWorkspace } from './testing/rollback-workspace.js';
import type { RollbackWorkspace } from './testing/rollback-workspace.js';

let ws: RollbackWorkspace;
afterEach(async () => {
  await ws?.remove();
});

async function setup(hooks: RollbackHooks) {
  ws = await rollbackWorkspace();
  const file = await ws.write('cache.flagd.json', { 'circuit-breaker-package-enabled': migrationFlag('live') });
  const { provider } = await ws.connect([file], { rollbackOverlay: ws.overlay });
  const audit = new AuditLog(ws.auditPath);
  const logger = memoryLogger();
  const rollback = new Rollback({ provider, audit, logger, hooks });
  const served = async (): Promise<unknown> => (await provider.evaluate('string', 'circuit-breaker-package-enabled', 'live', {})).value;
  return { rollback, audit, logger, served };
}

describe(Rollback.name, () => {
  describe('hooks', () => {
    it('runs before hooks while the candidate still serves and after hooks once the rollback is through, audited', async () => {
      const seen: string[] = [];
      let served: () => Promise<unknown> = async () => undefined;
      const restore: RollbackHook = { name: 'restore-breaker-state', run: async (event) => void seen.push(`${event.phase} ${String(await served())} ${event.flags[0]?.variant}`) };
      const validate: RollbackHook = { name: 'validate-legacy-health', run: async (event) => void seen.push(`${event.phase} ${String(await served())} ${event.status}`) };
      const ctx = await setup({ before: [restore], after: [validate] });
      served = ctx.served;
      const result = await ctx.rollback.rollback({ flag: 'circuit-breaker-package-enabled' }, 'error_rate');
      expect(result.status).toBe('completed');
      expect(seen).toEqual(['before live off', 'after off completed']);
      expect(result.hooks).toEqual([
        { name: 'restore-breaker-state', phase: 'before', status: 'ok', durationMs: expect.any(Number) },
        { name: 'validate-legacy-health', phase: 'after', status: 'ok', durationMs: expect.any(Number) },
      ]);
      const [initiated, completed] = await ctx.audit.read();
      expect(initiated?.details).toMatchObject({ hooks: [{ name: 'restore-breaker-state', status: 'ok' }] });
      expect(completed?.details).toMatchObject({ hooks: [{ name: 'restore-breaker-state' }, { name: 'validate-legacy-health', status: 'ok' }] });
    });

    it('gets the rollback through when a hook throws, rejects or hangs, and records each outcome', async () => {
      let aborted = false;
      const hanging: RollbackHook = {
        name: 'hangs',
        timeoutMs: 50,
        run: ({ signal }) => new Promise<void>(() => signal.addEventListener('abort', () => (aborted = true))),
      };
      const throwing: RollbackHook = {
        name: 'throws',
        run: () => {
          throw new Error('backup missing');
        },
      };
      const rejecting: RollbackHook = { name: 'rejects', run: () => Promise.reject(new Error('legacy unhealthy')) };
      const { rollback, audit, logger, served } = await setup({ before: [throwing, hanging], after: [rejecting] });
      const result = await rollback.rollback({ flag: 'circuit-breaker-package-enabled' }, 'manual');
      expect(result.status).toBe('completed');
      expect(await served()).toBe('off');
      expect(aborted).toBe(true);
      expect(result.hooks?.map((h) => [h.name, h.status, h.error])).toEqual([
        ['throws', 'failed', 'backup missing'],
        ['hangs', 'timeout', 'timed out after 50 ms'],
        ['rejects', 'failed', 'legacy unhealthy'],
      ]);
      expect((await audit.read())[1]?.details).toMatchObject({ hooks: [{ status: 'failed' }, { status: 'timeout' }, { status: 'failed' }] });
      expect(logger.lines.filter((line) => /rollback hook/.test(line))).toHaveLength(3);
    });

    it('runs no hook when nothing in scope can be rolled back', async () => {
      const ran: string[] = [];
      const { rollback } = await setup({ before: [{ name: 'b', run: () => void ran.push('b') }], after: [{ name: 'a', run: () => void ran.push('a') }] });
      const result = await rollback.rollback({ flag: 'no-such-flag' }, 'manual');
      expect(result.status).toBe('failed');
      expect(ran).toEqual([]);
      expect(result.hooks).toBeUndefined();
    });
  });
});
