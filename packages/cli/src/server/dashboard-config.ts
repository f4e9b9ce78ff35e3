import { z } from 'zod';
import { resolveOptions } from '@cutover/core';

/** The tunable behaviour of the dashboard server. */
export interface DashboardConfig {
  /** Address to bind. Anything but a loopback address exposes the dashboard to the network. @default "127.0.0.1" */
  host: string;
  /** Port to bind; 0 picks a free one. @default 0 */
  port: number;
  /** How often the page polls the JSON API, in ms. @default 5000 */
  refreshIntervalMs: number;
  /** The window of comparisons the page summarises and charts, in seconds. @default 3600 */
  windowSeconds: number;
  /**
   * Extra `Host` header values accepted (`dash.internal` or `dash.internal:8080`), beside the
   * bound address and, on loopback, `localhost`. Requests naming another host are refused
   * (DNS rebinding). When bound to a wildcard address and this is empty, any host is accepted.
   * @default []
   */
  allowedHosts: string[];
}

/** Options of the dashboard server: every field has a default. */
export type DashboardOptions = Partial<DashboardConfig>;

/** The defaults of {@link DashboardConfig}. */
export const DEFAULT_DASHBOARD_CONFIG: Readonly<DashboardConfig> = Object.freeze({
  host: '127.0.0.1',
  port: 0,
  refreshIntervalMs: 5000,
  windowSeconds: 3600,
  allowedHosts: [],
});

const schema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65_535),
  refreshIntervalMs: z.number().int().min(500).max(600_000),
  windowSeconds: z.number().int().min(60).max(90 * 86_400),
  allowedHosts: z.array(z.string().regex(/^[^\s/@]+$/, 'a host name, optionally with :port')),
});

/** Merges the defaults with `options`, validates, and throws `InvalidOptionError` naming the bad option. */
export function resolveDashboardConfig(options: DashboardOptions = {}): DashboardConfig {
  return resolveOptions({ component: 'Dashboard', naming: 'top', schema, defaults: DEFAULT_DASHBOARD_CONFIG }, options, {});
}
