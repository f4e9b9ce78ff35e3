import type { Timeline } from '../api/build-timeline.js';
import type { MigrationsResponse } from '../api/list-migrations.js';
import type { HealthReport } from '../health/health-report.js';
import { findElement } from './find-element.js';
import type { MigrationList } from './migration-list.js';
import { notice } from './notice.js';
import type { AuditResponse } from './render-audit.js';
import { renderAudit } from './render-audit.js';
import { renderHealth } from './render-health.js';

/**
 * Redraws the page from the JSON API: migrations, audit and health, then
 * every migration's timeline. A refresh asked for during another (after an
 * action) runs when that one ends, so it sees the change.
 */
export class DashboardRefresh {
  private running = false;
  private again = false;

  constructor(private readonly migrations: MigrationList) {}

  /** Fetches and draws everything once; a failure is shown in the banner until a refresh succeeds. */
  async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    const banner = findElement('#notice');
    try {
      const [migrations, audit, health] = await Promise.all([
        getJson<MigrationsResponse>('/api/migrations'),
        getJson<AuditResponse>('/api/audit?limit=15'),
        getJson<HealthReport>('/health'),
      ]);
      this.migrations.render(migrations);
      renderAudit(audit);
      renderHealth(health, migrations.sources);
      await Promise.all(
        migrations.migrations.map(async (m) => {
          const timeline = await getJson<Timeline>(`/api/migrations/${encodeURIComponent(m.flagKey)}/timeline?buckets=60`);
          this.migrations.renderTimeline(m.flagKey, timeline);
        }),
      );
      findElement('#updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
      document.body.dataset.loaded = 'true';
      if (banner.dataset.lost) {
        delete banner.dataset.lost;
        notice('', '');
      }
    } catch (error) {
      banner.dataset.lost = 'true';
      notice(`Cannot reach the dashboard API (${(error as Error).message}); retrying.`, 'error');
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    }
  }
}

// An unhealthy /health answers 503 with its report: drawn like any other.
async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
  if (!response.ok && response.status !== 503) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
