// Nutribot's food detection in shadow, end to end: createCutover on the shipped
// flag files, the real OpenFeature client bucketing on the chat id, the JSONL
// store. Every comparison record carries the chat it was about, matches
// included; the one chat whose meal the candidate misreads is named by
// `cutover report` and by the dashboard's API beside the difference path.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startDashboard } from '@cutover/cli';
import { deepEqual } from '@cutover/comparators';
import type { MigrationsResponse } from '@cutover/cli';
import type { ComparisonRecord, FileComparisonStore } from '@cutover/migrate';
import { OpenFeature } from '@openfeature/server-sdk';
import { createCutover } from 'cutover';
import type { Cutover } from 'cutover';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace, runCli } from './support/cli-run.js';
import type { CliWorkspace } from './support/cli-run.js';

const quiet = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
const FLAG = 'nutribot.food-detection';
const MISREAD_CHAT = 'chat-1007';

interface Meal {
  readonly chatId: string;
  readonly text: string;
}

describe('comparison records name the item the flag bucketed on (nutribot)', () => {
  let ws: CliWorkspace;
  let cutover: Cutover<FileComparisonStore>;
  const records: ComparisonRecord[] = [];

  beforeAll(async () => {
    ws = await cliWorkspace();
    const domain = `nutribot-${randomUUID()}`;
    cutover = createCutover({ files: [join(ws.flags, 'nutribot.flagd.json')], domain, registry: new Registry(), store: ws.store, audit: ws.audit, guard: false, logger: quiet, provider: { env: {}, watch: false } }) as Cutover<FileComparisonStore>;
    await OpenFeature.setProviderAndWait(domain, cutover.provider);
    const detect = (misread: boolean) => (meal: Meal) => ({ items: [{ name: 'oatmeal', grams: misread && meal.chatId === MISREAD_CHAT ? 80 : 120 }] });
    const food = cutover.migration({
      flagKey: FLAG,
      read: { legacy: detect(false), candidate: detect(true) },
      compare: deepEqual(),
      redact: (meal) => ({ chatId: meal.chatId }),
      options: { keepMatchValues: true },
    });
    let compared = 0;
    const all = new Promise<void>((resolve) => food.subscribe((event) => event.type === 'comparison' && ++compared === 40 && resolve()));
    for (let n = 1000; n < 1040; n++) {
      const chatId = `chat-${n}`;
      await food.read({ chatId, text: 'a bowl of oatmeal' }, { targetingKey: chatId });
    }
    await all;
    await cutover.store!.flush();
    for await (const record of cutover.store!.records()) records.push(record);
  });

  afterAll(async () => {
    await cutover?.close();
    await ws?.remove();
  });

  it('keeps the chat id with every record, matches included, and the values of matches on request', () => {
    // The chats the canary put live compare too: both paths run there as well.
    expect(records).toHaveLength(40);
    expect(new Set(records.map((r) => r.itemId))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `chat-${1000 + i}`)));
    const misread = records.filter((r) => r.outcome === 'mismatch');
    expect(misread.map((r) => r.itemId)).toEqual([MISREAD_CHAT]);
    expect(misread[0]).toMatchObject({ input: { chatId: MISREAD_CHAT }, differences: [{ path: '$.items[0].grams', legacy: 120, candidate: 80 }] });
    const match = records.find((r) => r.outcome === 'match')!;
    expect(match).toMatchObject({ input: { chatId: match.itemId }, legacy: { value: { items: [{ grams: 120 }] } } });
  });

  it('names the chat beside the difference in `cutover report`', async () => {
    const text = await runCli(['report', '--migration', FLAG, '--store', ws.store]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/1 {2}\$\.items\[\*\]\.grams {2}\(items: chat-1007\)/);
    const json = JSON.parse((await runCli(['report', '--json', '--store', ws.store, '--flags', ws.flags])).stdout);
    expect(json.migrations[FLAG].topDifferences).toEqual([{ path: '$.items[*].grams', count: 1, items: [MISREAD_CHAT] }]);
  });

  it('names the chat beside the difference in the dashboard', async () => {
    const dashboard = await startDashboard({ provider: cutover.provider, flagsDir: ws.flags, store: cutover.store!, auditLog: cutover.audit, rollback: cutover.rollback, registry: new Registry(), token: 'nutribot-dashboard-token-0123' });
    try {
      const body = (await (await fetch(`${dashboard.url}/api/migrations`)).json()) as MigrationsResponse;
      const view = body.migrations.find((m) => m.flagKey === FLAG);
      expect(view?.summary?.topDifferences).toEqual([{ path: '$.items[*].grams', count: 1, items: [MISREAD_CHAT] }]);
    } finally {
      await dashboard.close();
    }
  });
});
