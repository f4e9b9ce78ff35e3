import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startDashboard } from '@cutover/cli';
import type { RunningDashboard } from '@cutover/cli';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardFixture } from './support/dashboard-fixture.js';
import type { DashboardFixture } from './support/dashboard-fixture.js';
import { findBinary } from './support/require-binary.js';

const chromiumPath = findBinary('chromium', { envVar: 'CHROMIUM_PATH' });
const TOKEN = 'dashboard-e2e-token-0123456789';
const ARTEFACTS = resolve('test-results');

describe.skipIf(!chromiumPath)('the migration dashboard in a real browser (chromium)', () => {
  let fixture: DashboardFixture;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fixture = await createDashboardFixture();
    dashboard = await startDashboard({
      provider: fixture.provider,
      flagsDir: fixture.flagsDir,
      store: fixture.store,
      storeDirectory: fixture.storeDir,
      auditLog: fixture.auditLog,
      rollback: fixture.rollback,
      registry: fixture.registry,
      token: TOKEN,
      refreshIntervalMs: 1000,
      checks: [
        { name: 'telegram', check: async () => undefined },
        { name: 'openai', check: async () => ({ message: 'models listed' }) },
      ],
    });
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The machine is offline and the page must not need the network: fail on any request elsewhere.
    await page.route((url) => !url.href.startsWith(dashboard.url), (route) => {
      pageErrors.push(`request outside the dashboard: ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(dashboard.url);
    await page.waitForSelector('body[data-loaded="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await fixture?.remove();
  });

  const card = (flagKey: string) => page.locator(`article.migration[data-flag="${flagKey}"]`);

  it('lists every migration with its split, match rate and a chart drawn from the API', async () => {
    await expect.poll(() => page.locator('article.migration').count()).toBe(7);
    const food = card('nutribot.food-detection');
    await expect.poll(() => food.locator('.split').innerText()).toMatch(/live 10%[\s\S]*shadow 90%/);
    await expect.poll(() => food.locator('.match-rate').innerText()).toMatch(/^9\d\.\d\d %$/);
    await expect.poll(() => food.locator('svg.chart path.series').count()).toBeGreaterThanOrEqual(3);
    expect(await food.locator('svg.chart .event-marker').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#health-pill').innerText()).toMatch(/healthy/i);
    await expect.poll(() => page.locator('#audit tbody tr').count()).toBe(4);
    expect(pageErrors).toEqual([]);
  });

  it('refuses an emergency rollback without the token: the page says so and the overlay is unchanged', async () => {
    const food = card('nutribot.food-detection');
    await food.locator('input.reason').fill('candidate misreads portions');
    await food.locator('button.rollback').click();
    await expect.poll(() => food.locator('.action-result').innerText()).toMatch(/Refused \(401\)/);
    await expect.poll(() => page.locator('#notice').innerText()).toMatch(/Refused \(401\)/);
    expect(await fixture.overlay.list()).toEqual([]);
    const refusal = (await fixture.auditLog.read()).at(-1)!;
    expect(refusal).toMatchObject({ action: 'rollback', status: 'failed', actor: 'dashboard', scope: 'nutribot.food-detection' });
    expect(refusal.reason).toMatch(/^refused: /);
  });

  it('rolls back with the token: the overlay and the audit log hold it and the page shows it', async () => {
    await page.locator('#token').fill(TOKEN);
    await page.locator('#token-form button[type=submit]').click();
    await expect.poll(() => page.locator('#token-state').innerText()).toBe('token set');
    const food = card('nutribot.food-detection');
    await food.locator('input.reason').fill('candidate misreads portions');
    await food.locator('button.rollback').click();
    await expect.poll(() => food.locator('.action-result').innerText()).toMatch(/Rolled back to off in \d+ ms/);
    expect(await fixture.overlay.list()).toEqual([expect.objectContaining({ flagKey: 'nutribot.food-detection', variant: 'off', by: 'dashboard', reason: 'candidate misreads portions' })]);
    const records = await fixture.auditLog.read((r) => r.action === 'rollback' && r.actor === 'dashboard');
    expect(records.map((r) => r.status)).toEqual(['failed', 'initiated', 'completed']);
    await expect.poll(() => food.locator('.badge-rollback').innerText()).toMatch(/ROLLED BACK → off/);
    await expect.poll(() => food.locator('.rollback-banner').innerText()).toMatch(/by dashboard .*candidate misreads portions/);
    await expect.poll(() => page.locator('#audit tbody tr').first().innerText()).toMatch(/rollback\s+completed[\s\S]*dashboard/i);
    expect(fixture.provider.getRollbacks()).toEqual(['nutribot.food-detection']);
    expect(fixture.hookRuns).toEqual(['before nutribot.food-detection shadow', 'after nutribot.food-detection off']);
    expect(records.at(-1)?.details).toMatchObject({ hooks: [{ name: 'restore-session-cache', status: 'ok' }, { name: 'validate-legacy-health', status: 'ok' }] });
  });

  it("shows the application's dependency checks and the chats behind the top differences", async () => {
    const telegram = page.locator('#health tbody tr[data-check="telegram"]');
    await expect.poll(() => telegram.innerText()).toMatch(/telegram\s+pass\s+[\d.]+ ms\s+ok/i);
    await expect.poll(() => page.locator('#health tbody tr[data-check="openai"]').innerText()).toMatch(/openai\s+pass[\s\S]*models listed/i);
    const health = (await (await fetch(`${dashboard.url}/health`)).json()) as { checks: Record<string, { status: string; latencyMs: number }> };
    expect(health.checks.telegram).toMatchObject({ status: 'pass', latencyMs: expect.any(Number) });
    await expect.poll(() => card('nutribot.food-detection').locator('.stats').innerText()).toMatch(/Top differences: \$\.items\[\*\]\.grams ×\d+ \(chat-\d+, chat-\d+, chat-\d+\)/);
  });

  it('keeps the focus and what the operator types in a reason across refreshes', async () => {
    const reason = card('journalist.follow-up').locator('input.reason');
    await reason.focus();
    await page.keyboard.type('half ');
    const refreshed = async () => {
      let listed = 0;
      const count = (request: { url(): string }) => {
        if (new URL(request.url()).pathname === '/api/migrations') listed += 1;
      };
      page.on('requestfinished', count);
      // Two answers, so at least one full redraw ran while the field had the focus.
      await expect.poll(() => listed, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      page.off('requestfinished', count);
    };
    await refreshed();
    expect(await reason.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
    await page.keyboard.type('typed');
    expect(await reason.inputValue()).toBe('half typed');
    await reason.fill('');
  });

  it('changes a stage through the flag file with the token, and keeps a screenshot', async () => {
    const follow = card('journalist.follow-up');
    await follow.locator('select.stage-select').selectOption('shadow');
    await follow.locator('input.reason').fill('beta chats look good');
    await follow.locator('button.set-stage').click();
    await expect.poll(() => follow.locator('.action-result').innerText()).toMatch(/Stage set: .* → shadow/);
    const file = JSON.parse(await readFile(`${fixture.flagsDir}/nutribot.flagd.json`, 'utf8')) as { flags: Record<string, { defaultVariant: string; targeting?: unknown }> };
    expect(file.flags['journalist.follow-up']).toMatchObject({ defaultVariant: 'shadow' });
    expect(file.flags['journalist.follow-up']!.targeting).toBeUndefined();
    await expect.poll(() => follow.locator('.badges').innerText()).toMatch(/shadow/);
    await mkdir(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTEFACTS}/dashboard.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
