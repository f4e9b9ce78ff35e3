import type { AuditRecord } from '@cutover/rollback';
import { findElement } from './find-element.js';
import { when } from './format.js';
import { h, replaceChildren } from './hyperscript.js';

/** The body of `GET /api/audit`. */
export interface AuditResponse {
  readonly records: readonly AuditRecord[];
}

/** Fills the audit table, newest first as the API gives it. */
export function renderAudit(data: AuditResponse): void {
  const body = findElement('#audit tbody');
  if (data.records.length === 0) {
    replaceChildren(body, [h('tr', {}, [h('td', { colspan: 5, class: 'empty', text: 'Nothing recorded yet.' })])]);
    return;
  }
  replaceChildren(
    body,
    data.records.map((r) =>
      h('tr', { class: 'audit-row', 'data-action': r.action, 'data-status': r.status }, [
        h('td', { class: 'num', text: when(r.at) }),
        h('td', {}, [`${r.action} `, h('span', { class: `status ${r.status}`, text: r.status })]),
        h('td', { text: r.scope }),
        h('td', { text: r.actor }),
        h('td', { text: r.reason + describeDetails(r) }),
      ]),
    ),
  );
}

// The part of a record's details worth a glance: a stage change, an error, refusals left out.
function describeDetails(record: AuditRecord): string {
  const d = record.details ?? {};
  if (record.action === 'stage' && d.from !== undefined) return ` (${String(d.from)} → ${String(d.to)}${d.forced ? ', forced' : ''})`;
  if (d.error) return ` (${String(d.error)})`;
  if (d.suppressed) return ` (+${String(d.suppressed)} more refusals not recorded)`;
  return '';
}
