// Concurrent stage changes of two flags in one file, in one process, from two
// CLI processes, and through two dashboards: both edits must be in the file,
// and an edit is reported (and audited) as written only when it was.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setStage } from '@cutover/cli';
import { parseFlagFile } from '@cutover/provider';
import { AuditLog } from '@cutover/rollback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliWorkspace } from '../support/cli-run.js';
import type { CliWorkspace } from '../support/cli-run.js';
import { runCliTogether } from '../support/run-cli-together.js';
import { startServeProcess } from '../support/serve-process.js';

const IN_PROCESS_PAIRS = 50;
const CLI_PAIRS = 2;
const DASHBOARD_PAIRS = 10;
const FOOD = 'nutribot.food-detection';
const FOLLOW = 'journalist.follow-up';
const TOKEN = 'concurrent-edits-token-0123456789';

let ws: CliWorkspace;
let file: string;
let original: string;
beforeEach(async () => {
  ws = await cliWorkspace();
  file = join(ws.flags, 'nutribot.flagd.json');
  original = await readFile(file, 'utf8');
});
afterEach(() => ws.remove());

/** Whether the file holds both edits: food detection off (forced back from shadow), the follow-up in shadow. */
async function bothEditsLanded(): Promise<boolean> {
  const flags = parseFlagFile(await readFile(file, 'utf8'), file).flags;
  return flags.get(FOOD)?.definition.defaultVariant === 'off' && flags.get(FOLLOW)?.definition.defaultVariant === 'shadow';
}

describe('concurrent stage changes of two flags in one file', () => {
  it(`keep both edits in ${IN_PROCESS_PAIRS} in-process pairs, each reported as written`, async () => {
    let lost = 0;
    for (let i = 0; i < IN_PROCESS_PAIRS; i++) {
      await writeFile(file, original);
      const edits = await Promise.all([setStage(file, FOOD, 'off', { force: true }), setStage(file, FOLLOW, 'shadow')]);
      expect(edits.map((edit) => edit.written)).toEqual([true, true]);
      if (!(await bothEditsLanded())) lost++;
    }
    expect(lost).toBe(0);
  }, 60_000);

  it(`keep both edits when the CLI runs twice at once (${CLI_PAIRS} pairs of processes)`, async () => {
    let lost = 0;
    for (let i = 0; i < CLI_PAIRS; i++) {
      await writeFile(file, original);
      const common = ['--audit', ws.audit, '--json'];
      const runs = await runCliTogether([
        ['--flags', ws.flags, 'stage', FOOD, 'off', '--force', ...common],
        ['--flags', ws.flags, 'stage', FOLLOW, 'shadow', ...common],
      ]);
      for (const run of runs) {
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ written: true, audited: true });
      }
      if (!(await bothEditsLanded())) lost++;
    }
    expect(lost).toBe(0);
  }, 60_000);

  it(`keep both edits when two dashboards change a stage at once (${DASHBOARD_PAIRS} pairs of HTTP requests), and audit only what was written`, async () => {
    const options = { flags: ws.flags, store: ws.store, audit: ws.audit, token: TOKEN };
    const dashboards = await Promise.all([startServeProcess(options), startServeProcess(options)]);
    try {
      let lost = 0;
      for (let i = 0; i < DASHBOARD_PAIRS; i++) {
        await writeFile(file, original);
        const answers = await Promise.all([
          dashboards[0]!.post(`/api/migrations/${FOOD}/stage`, { stage: 'off', force: true, reason: `pair ${i}` }),
          dashboards[1]!.post(`/api/migrations/${FOLLOW}/stage`, { stage: 'shadow', reason: `pair ${i}` }),
        ]);
        for (const answer of answers) expect(answer).toMatchObject({ status: 200, body: { written: true } });
        if (!(await bothEditsLanded())) lost++;
      }
      expect(lost).toBe(0);
      const stages = (await new AuditLog(ws.audit).read()).filter((record) => record.action === 'stage');
      expect(stages.filter((record) => record.status === 'completed')).toHaveLength(2 * DASHBOARD_PAIRS);
    } finally {
      await Promise.all(dashboards.map((dashboard) => dashboard.stop()));
    }
  }, 60_000);
});
