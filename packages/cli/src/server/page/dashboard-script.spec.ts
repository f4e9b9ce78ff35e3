import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_SCRIPT } from './dashboard-script.js';
import { DASHBOARD_STYLES } from './dashboard-styles.js';
import { escapeHtml, renderDashboardPage } from './render-dashboard-page.js';

describe('DASHBOARD_SCRIPT', () => {
  it('is valid JavaScript in one strict scope, using only this origin', () => {
    expect(() => new Script(DASHBOARD_SCRIPT)).not.toThrow();
    expect(DASHBOARD_SCRIPT.startsWith('(function () {')).toBe(true);
    expect(DASHBOARD_SCRIPT).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(DASHBOARD_STYLES).not.toMatch(/@import|url\(/);
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
