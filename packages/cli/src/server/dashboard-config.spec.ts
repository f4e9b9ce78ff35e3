import { describe, expect, it } from 'vitest';
import { DEFAULT_DASHBOARD_CONFIG, resolveDashboardConfig } from './dashboard-config.js';
import { InvalidOptionError } from '@cutover/core';

describe(resolveDashboardConfig.name, () => {
  it('defaults to loopback, a free port, a 5 s refresh and a one-hour window', () => {
    expect(resolveDashboardConfig()).toEqual({ host: '127.0.0.1', port: 0, refreshIntervalMs: 5000, windowSeconds: 3600, allowedHosts: [] });
    expect(resolveDashboardConfig()).toEqual(DEFAULT_DASHBOARD_CONFIG);
  });

  it('keeps given options and ignores undefined ones', () => {
    expect(resolveDashboardConfig({ port: 8420, host: undefined })).toMatchObject({ port: 8420, host: '127.0.0.1' });
  });

  it('names the bad option', () => {
    expect(() => resolveDashboardConfig({ port: 70_000 })).toThrow(/"port"/);
    expect(() => resolveDashboardConfig({ refreshIntervalMs: 10 })).toThrow(InvalidOptionError);
    expect(() => resolveDashboardConfig({ refreshIntervalMs: 10 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', option: 'refreshIntervalMs' }));
    expect(() => resolveDashboardConfig({ allowedHosts: ['http://x/'] })).toThrow(/"allowedHosts"/);
    expect(() => resolveDashboardConfig({ colour: 'red' } as never)).toThrow(/"colour"/);
  });
});
