import type { HealthReport } from '../health/health-report.js';
import type { MigrationsResponse } from '../api/list-migrations.js';
import { findElement } from './find-element.js';
import { duration, msText } from './format.js';
import { h, replaceChildren } from './hyperscript.js';

/** The checks' names as the table shows them. */
const CHECK_NAMES: Readonly<Record<string, string>> = { flagFiles: 'Flag files', flagd: 'flagd', comparisonStore: 'Comparison store', guard: 'Guard', migrationFlags: 'Migration flags' };

/** Sets the health pill and fills the health table: each check, then each flag source and whether its latest edit was taken. */
export function renderHealth(report: HealthReport, sources: MigrationsResponse['sources'] | undefined): void {
  const pill = findElement('#health-pill');
  pill.className = `pill ${report.status}`;
  pill.textContent = `${report.status} · up ${duration(report.uptime)}`;
  const rows = Object.entries(report.checks).map(([name, c]) =>
    h('tr', { 'data-check': name }, [
      h('td', { text: CHECK_NAMES[name] ?? name }),
      h('td', {}, [h('span', { class: `status ${c.status}`, text: c.status })]),
      h('td', { class: 'num', text: msText(c.latencyMs) }),
      h('td', { text: c.message }),
    ]),
  );
  for (const file of sources?.files ?? []) {
    const broken = sources?.broken.includes(file) ?? false;
    rows.push(
      h('tr', { class: 'source' }, [
        h('td', { class: 'muted', text: 'source' }),
        h('td', {}, [h('span', { class: `status ${broken ? 'fail' : 'pass'}`, text: broken ? 'broken' : 'ok' })]),
        h('td', {}),
        h('td', { class: 'file', title: file, text: `${file.split('/').pop() ?? ''}${broken ? ': latest edit rejected, last good version serving' : ''}` }),
      ]),
    );
  }
  replaceChildren(findElement('#health tbody'), rows);
}
