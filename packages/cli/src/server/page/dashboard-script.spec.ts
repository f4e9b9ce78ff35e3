import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardError } from '../dashboard-error.js';
import { DASHBOARD_SCRIPT_FILES, loadDashboardScript, readDashboardScript, writeDashboardScript } from './dashboard-script.js';
import { DASHBOARD_STYLES } from './dashboard-styles.js';
import { escapeHtml, renderDashboardPage } from './render-dashboard-page.js';

describe(loadDashboardScript.name, () => {
  it('is valid JavaScript in one strict scope, using only this origin', async () => {
    const script = await loadDashboardScript();
    expect(() => new Script(script)).not.toThrow();
    expect(script.startsWith('(function () {')).toBe(true);
    expect(script).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(DASHBOARD_STYLES).not.toMatch(/@import|url\(/);
  });

  it('bundles the browser modules with nothing left to load', async () => {
    const script = await loadDashboardScript();
    expect(script).toMatch(/^'use strict';$/m);
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script).toContain('Emergency rollback');
  });
});

describe(readDashboardScript.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-dashboard-script-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the bundle the package build wrote when the sources are absent, as in the installed package', async () => {
    const bundle = pathToFileURL(join(dir, 'dist', 'dashboard.js'));
    await writeDashboardScript({ source: DASHBOARD_SCRIPT_FILES.source, bundle });
    const installed = { source: pathToFileURL(join(dir, 'src', 'main.ts')), bundle };
    expect(await readDashboardScript(installed)).toBe(await readFile(bundle, 'utf8'));
    expect(await readDashboardScript(installed)).toBe(await loadDashboardScript());
  });

  it('names the missing bundle when there are neither sources nor a bundle', async () => {
    const broken = { source: pathToFileURL(join(dir, 'main.ts')), bundle: pathToFileURL(join(dir, 'dashboard.js')) };
    const error = await readDashboardScript(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DashboardError);
    expect(error).toMatchObject({ code: 'SCRIPT_MISSING', message: expect.stringContaining(join(dir, 'dashboard.js')) });
  });
});

describe(renderDashboardPage.name, () => {
  it('renders the shell with the refresh interval and an escaped version', () => {
    const html = renderDashboardPage({ version: '1.0.0<script>', refreshIntervalMs: 2500 });
    expect(html).toContain('data-refresh-ms="2500"');
    expect(html).toContain('v1.0.0&#60;script&#62;');
    expect(html).toContain('id="token"');
    expect(escapeHtml(`"'&`)).toBe('&#34;&#39;&#38;');
  });
});
