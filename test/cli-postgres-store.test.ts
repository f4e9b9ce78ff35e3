// `cutover report`, `cleanup-check` and `serve` reading the fleet's store in a
// real PostgreSQL server through `--store postgres://…`; the dashboard's
// health check probes the server. Without PostgreSQL
// the suite is skipped locally and fails in CI.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ComparisonRecord, Logger } from '@cutover/migrate';
import { PostgresComparisonStore } from '@cutover/store-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace, REPO_ROOT, runCli } from './support/cli-run.js';
import type { CliWorkspace } from './support/cli-run.js';
import { findPostgresBin, startPostgres } from './support/postgres-server.js';
import type { PostgresServer } from './support/postgres-server.js';

const bin = findPostgresBin();
const KEY = 'nutribot.food-detection';
const quiet: Logger = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined };

function record(match: boolean, at: Date): ComparisonRecord {
  return {
    timestamp: at.toISOString(),
    flagKey: KEY,
    stage: 'shadow',
    outcome: match ? 'match' : 'mismatch',
    legacy: { status: 'ok', durationMs: 10 },
    candidate: { status: 'ok', durationMs: 12 },
    differences: match ? [] : [{ path: '$.items[3].kcal', legacy: 1, candidate: 2 }],
  };
}

describe.skipIf(!bin)('the CLI on a PostgreSQL store', () => {
  let server: PostgresServer;
  let ws: CliWorkspace;
  let url: string;

  beforeAll(async () => {
    server = await startPostgres(bin!);
    ws = await cliWorkspace();
    url = server.url.replace('cutover@', 'cutover:secret@');
    const store = new PostgresComparisonStore({ url, logger: quiet });
    const now = Date.now();
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.record(record(i >= 4, new Date(now - 60_000 + i)))));
    await store.close();
  });

  afterAll(async () => {
    await ws?.remove();
    await server?.stop();
  });

  it('reports the summary computed in PostgreSQL, without printing the password', async () => {
    const result = await runCli(['report', '--since', '1h', '--store', url, '--flags', ws.flags, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.summary).toMatchObject({ total: 200, matches: 196, mismatches: 4, topDifferences: [{ path: '$.items[*].kcal', count: 4 }] });
    expect(json.migrations[KEY].total).toBe(200);
    expect(json.store).not.toContain('secret');
  });

  it('takes the match rate of cleanup-check from PostgreSQL', async () => {
    const result = await runCli(['cleanup-check', KEY, '--json', '--src', ws.dir, '--flags', ws.flags, '--audit', ws.audit, '--store', url]);
    const verdict = JSON.parse(result.stdout);
    expect(verdict.conditions.find((c: { name: string }) => c.name === 'match-rate')).toMatchObject({ ok: false, detail: expect.stringContaining('98.00 % of 200 comparisons') });
  });

  it('serves the dashboard on the PostgreSQL store, its health check probing the server', async () => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/cli/src/cli.ts', 'serve', '--port', '0', '--token', 'a-token-of-sixteen-characters', '--store', url, '--flags', ws.flags, '--audit', ws.audit], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const address = await new Promise<string>((resolve, reject) => {
        lines.on('line', (line) => {
          const found = /(http:\/\/\S+)/.exec(line);
          if (found?.[1]) resolve(found[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const body = (await (await fetch(`${address}/api/migrations`)).json()) as { migrations: Array<{ flagKey: string; summary: { total: number } | null }> };
      expect(body.migrations.find((m) => m.flagKey === KEY)?.summary?.total).toBe(200);
      type Health = { checks: { comparisonStore: { status: string; message: string; latencyMs: number } } };
      const storeCheck = async (): Promise<Health['checks']['comparisonStore']> => ((await (await fetch(`${address}/health`)).json()) as Health).checks.comparisonStore;
      expect(await storeCheck()).toMatchObject({ status: 'pass', message: expect.stringMatching(/^database answered in [\d.]+ ms/), latencyMs: expect.any(Number) });
      // PostgreSQL down: the check fails and says why; back up, it passes again.
      await server.pause();
      try {
        expect(await storeCheck()).toMatchObject({ status: 'fail', message: expect.stringMatching(/^database unreachable: .*ECONNREFUSED/) });
      } finally {
        await server.resume();
      }
      await expect.poll(async () => (await storeCheck()).status, { timeout: 10_000, interval: 200 }).toBe('pass');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
