import { basename } from 'node:path';
import { OpenFeature } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { auditFlagEdit, generateToken, setRollout, setStage, startDashboard } from '@cutover/cli';
import type { GuardVerdict } from '@cutover/guard';
import { createCutover } from 'cutover';
import { createDemoWorkspace } from './demo-workspace.js';
import { createFoodService, FOOD_FLAG } from './food-service.js';
import { Narrator } from './narrator.js';
import { printSummary } from './print-summary.js';
import { runTraffic } from './run-traffic.js';

/** Options of the demo. */
export interface DemoOptions {
  readonly dashboardSeconds: number;
  readonly requests: number;
  readonly keep: boolean;
}

const quiet = { error() {}, warn() {}, info() {}, debug() {} };

/** Tells the story of one migration, end to end, with the real components. */
export async function runDemo(options: DemoOptions): Promise<void> {
  const say = new Narrator();
  const ws = await createDemoWorkspace();
  const file = ws.files.find((f) => basename(f) === 'nutribot.flagd.json')!;
  let tripping: GuardVerdict | undefined;
  // The application's whole guarded set-up.
  const registry = new Registry();
  const cutover = createCutover({
    files: ws.files, store: ws.storeDir, audit: ws.auditFile, registry, domain: 'cutover-demo', logger: quiet,
    provider: { rollbackOverlay: ws.overlay, env: {}, watchDebounceMs: 10 },
    guard: { run: { intervalMs: 250 }, onVerdict: (verdict) => void (verdict.status === 'degraded' && (tripping ??= verdict)) },
  });
  await OpenFeature.setProviderAndWait('cutover-demo', cutover.provider);
  const client = OpenFeature.getClient('cutover-demo');
  client.addHooks(...cutover.hooks);
  const service = createFoodService(cutover);
  // The end of the set-up; what follows tells the story.
  const { provider, audit, rollback } = cutover;
  const store = cutover.store!;
  const guard = cutover.guards.get(FOOD_FLAG)!;
  const edit = async (change: Promise<Awaited<ReturnType<typeof setStage>>>, reason: string) => {
    const done = await change;
    await auditFlagEdit(audit, done, { actor: 'demo', reason });
    await provider.reloadFile(file);
    say.fact('flag file', `${FOOD_FLAG}: ${done.from} → ${done.to}`);
  };

  console.log(`Cutover demo: migrating Nutribot's food detection (flag ${FOOD_FLAG}), embedded provider, workspace ${ws.dir}`);
  try {
    say.chapter(1, 'Shadow: both pipelines run, every chat still gets the legacy answer');
    await edit(setStage(file, FOOD_FLAG, 'shadow'), 'shadow for everyone');
    await runTraffic(service, say, { label: 'shadow traffic', count: options.requests, seed: 1 });
    await store.flush();
    const shadow = await store.getSummary({ flagKey: FOOD_FLAG });
    printSummary(say, shadow);
    say.say('Acceptable variance (name spelling, units, portions within ±5 %) matched; the differences above are the new pipeline misjudging portions.');

    say.chapter(2, 'Live canary: 10 % of chats, bucketed by chat id, get the new pipeline');
    await edit(setRollout(file, FOOD_FLAG, 10, { target: 'live' }), 'canary 10 % by chat id');
    service.resetCounts();
    await runTraffic(service, say, { label: 'canary traffic', count: options.requests, seed: 2 });
    say.fact('calls by stage', [...service.stages].map(([stage, calls]) => `${stage} ${calls}`).join(', '));
    const healthy = await guard.evaluateNow();
    say.fact('guard', healthy?.summary ?? 'no verdict yet');

    say.chapter(3, 'A regression ships in the new pipeline: 30 % errors, twice as slow');
    service.faults.errorRate = 0.3;
    service.faults.slowdown = 2;
    const { sent } = await runTraffic(service, say, { label: 'traffic until the guard acts', count: options.requests * 3, seed: 3, until: () => guard.hasTripped });
    say.fact('calls to trip', `${sent} requests after the regression shipped`);

    say.chapter(4, 'The guard rolled back by itself');
    const result = await until(() => guard.latest.rollback, 5000);
    for (const check of tripping?.checks ?? []) if (check.status === 'fail') say.warn(`✗ ${check.summary}`);
    if (result) {
      say.fact('rollback', `${result.status}: ${result.flags.map((f) => `${f.flagKey} → ${f.variant}`).join(', ')}`);
      say.fact('local switch', `${result.timings.localMs?.toFixed(2) ?? '?'} ms after the verdict`);
      say.fact('durable (overlay)', `${result.timings.durableMs?.toFixed(1) ?? '?'} ms; flagd serves the same file to a fleet`);
    }
    const now = await client.getStringDetails(FOOD_FLAG, 'off', { targetingKey: 'chat-1001', chatId: 'chat-1001' });
    say.fact('flag now serves', `${now.value} (source ${String(now.flagMetadata.source)}, for every chat)`);
    for (const entry of await rollback.list()) say.fact('overlay holds', `${entry.flagKey} → ${entry.variant}, by ${entry.by} at ${entry.at}`);
    service.resetCounts();
    await runTraffic(service, say, { label: 'traffic after rollback', count: Math.ceil(options.requests / 4), seed: 4 });
    say.fact('calls by stage', [...service.stages].map(([stage, calls]) => `${stage} ${calls}`).join(', '));

    say.chapter(5, 'Report');
    await store.flush();
    printSummary(say, await store.getSummary({ flagKey: FOOD_FLAG }));
    for (const record of await audit.read()) say.fact(record.at.slice(11, 19), `${record.action} ${record.status} by ${record.actor}: ${shorten(record.reason, 90)}`);

    if (options.dashboardSeconds > 0) {
      say.chapter(6, 'Dashboard');
      const token = generateToken();
      const dashboard = await startDashboard({ provider, flagsDir: ws.flagsDir, store, storeDirectory: ws.storeDir, auditLog: audit, rollback, registry, token, guards: { [FOOD_FLAG]: guard } });
      say.fact('open', dashboard.url);
      say.fact('token (quick actions)', token);
      for (let left = options.dashboardSeconds; left > 0; left--) {
        say.progress('dashboard up', options.dashboardSeconds - left, options.dashboardSeconds, `${left}s left (Ctrl-C to stop)`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      say.progress('dashboard up', options.dashboardSeconds, options.dashboardSeconds, 'closing');
      await dashboard.close();
    }
  } finally {
    await cutover.close();
    await OpenFeature.close();
    if (options.keep) console.log(`\nWorkspace kept: ${ws.dir}`);
    else await ws.remove();
  }
  console.log('\nDone.');
}

/** Polls `read` until it returns a value or `timeoutMs` passes. */
async function until<T>(read: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (let value = read(); ; value = read()) {
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
