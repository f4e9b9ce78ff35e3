// A fleet served by one flagd: flagd serves the flag
// files plus the rollback overlay as its last --uri; three application
// processes follow it. A rollback written into the overlay reaches every one
// of them (write → last process switched, goal ≤ 2 s); a broken edit of a
// served file leaves every process serving the last good values.
import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, Rollback } from '@cutover/rollback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Flagd, findFlagd } from './support/flagd.js';
import { FleetApp } from './support/fleet-app-process.js';

const FLAGS_DIR = new URL('../flags/', import.meta.url).pathname;
const quiet = { error() {}, warn() {}, info() {}, debug() {} };
const NAMES = ['clambake.flagd.json', 'mspbyte.flagd.json', 'nutribot.flagd.json'];
const FLAG = 'nutribot.food-detection';
const INSTANCES = 3;
const binary = findFlagd();

describe.skipIf(!binary)('a fleet on flagd', () => {
  let dir: string;
  let served: string[];
  let overlay: string;
  let flagd: Flagd;
  const fleet: FleetApp[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-flagd-fleet-'));
    served = NAMES.map((name) => join(dir, name));
    overlay = join(dir, 'rollbacks.flagd.json');
    await Promise.all(NAMES.map((name) => cp(join(FLAGS_DIR, name), join(dir, name))));
    await writeFile(overlay, `${JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags: {} }, null, 2)}\n`);
    flagd = await Flagd.start({ binary: binary!, files: [...served, overlay] });
    for (let i = 0; i < INSTANCES; i++) {
      // The applications read the repository's flag files, as a deployed service would.
      fleet.push(FleetApp.start({ files: NAMES.map((name) => join(FLAGS_DIR, name)), syncPort: flagd.ports.syncPort, flag: FLAG, targetingKey: 'chat-fleet' }));
    }
    await Promise.all(fleet.map((app) => app.waitFor((state) => state.source === 'remote', { timeoutMs: 30_000 })));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(fleet.map((app) => app.stop()));
    await flagd?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('rolls every process back when the overlay served by flagd gets a rollback (write → last process switched)', async () => {
    for (const app of fleet) expect(app.current).toMatchObject({ source: 'remote', errors: 0 });
    expect(fleet[0]!.current!.value).not.toBe('off');
    // No provider in this process: the served files are read once, the overlay written.
    const rollbacks = new Rollback({ files: served, overlay, audit: new AuditLog(join(dir, 'audit.jsonl')), logger: quiet });
    const wrote = Date.now();
    const result = await rollbacks.emergencyRollback({ flag: FLAG }, 'fleet test', { by: 'flagd-fleet.test' });
    const written = Date.now();
    expect(result.status).toBe('completed');
    const switched = await Promise.all(fleet.map((app) => app.waitFor((state) => state.value === 'off', { since: wrote, timeoutMs: 10_000 })));
    const delays = switched.map((state) => state.at - wrote);
    console.log(`fleet rollback: ${INSTANCES} processes, write took ${written - wrote} ms, write → switched ${delays.map((d) => `${d} ms`).join(', ')}; last ${Math.max(...delays)} ms`);
    for (const state of switched) expect(state).toMatchObject({ value: 'off', source: 'remote', errors: 0 });
    expect(Math.max(...delays)).toBeLessThanOrEqual(2_000);
  });

  it('keeps every process on the last good values when a served file is broken', async () => {
    const before = fleet.map((app) => app.states.length);
    const logged = flagd.logs.length;
    const broken = Date.now();
    // The overlay itself: losing it would silently undo the rollback.
    await writeFile(`${overlay}.tmp`, '{ "flags": { "nutribot.food-detection": ');
    await rename(`${overlay}.tmp`, overlay);
    // Wait until flagd has read the broken file (it logs the failed parse), then
    // give a change, had there been one, time to reach every process.
    for (const deadline = Date.now() + 15_000; !/unmarshal|unexpected end of JSON/.test(flagd.logs.slice(logged)); ) {
      if (Date.now() > deadline) throw new Error('flagd never reported the broken overlay');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const [i, app] of fleet.entries()) {
      const since = app.states.slice(before[i]).filter((state) => state.at >= broken);
      expect(since, `process ${i} changed what it serves: ${JSON.stringify(since)}`).toEqual([]);
      expect(app.current).toMatchObject({ value: 'off', source: 'remote', errors: 0 });
    }
  });
});
