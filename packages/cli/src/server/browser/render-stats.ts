import type { MigrationView } from '../api/list-migrations.js';
import { count, msText, pct } from './format.js';
import { h, replaceChildren } from './hyperscript.js';

/** The numbers beside a migration's charts: match rate, both paths side by side (business outcomes included), top differences and the guard. */
export function renderStats(node: HTMLElement, m: MigrationView): void {
  const s = m.summary;
  if (!s || s.total === 0) {
    const o = m.guard?.outcomes;
    // Stages that compare nothing (rollout, complete) may still report outcomes.
    const outcomes = o ? [h('div', { class: 'diffs outcomes', text: `Success: candidate ${pct(o.candidateRate, 1)} of ${count(o.candidate)}, legacy ${pct(o.legacyRate, 1)} of ${count(o.legacy)} (floor ${pct(o.limit, 0)})` })] : [];
    replaceChildren(node, [h('div', { class: 'big', text: '–' }), h('div', { class: 'diffs', text: 'Match rate: no comparisons yet.' }), ...outcomes, guardLine(m)]);
    return;
  }
  const rate = s.matchRate;
  const grade = rate === null ? '' : rate >= 0.99 ? 'good' : rate >= 0.95 ? 'fair' : 'poor';
  const row = (label: string, legacy: string, candidate: string) => [h('span', { class: 'label', text: label }), h('span', { text: legacy }), h('span', { text: candidate })];
  const differences = s.topDifferences.length ? `Top differences: ${s.topDifferences.map((d) => `${d.path} ×${d.count}${d.items?.length ? ` (${d.items.join(', ')})` : ''}`).join(', ')}` : 'No differences.';
  replaceChildren(node, [
    h('div', { class: `big match-rate ${grade}`, text: pct(rate, 2) }),
    h('div', { class: 'diffs', text: `${count(s.total)} comparisons · ${count(s.mismatches)} mismatches · ${count(s.errors)} comparator errors` }),
    h('span', {}),
    h('span', { class: 'head', text: 'Legacy' }),
    h('span', { class: 'head', text: 'Candidate' }),
    ...row('Calls', count(s.legacy.count), count(s.candidate.count)),
    ...row('Error rate', pct(s.legacy.errorRate, 2), pct(s.candidate.errorRate, 2)),
    ...row('Average', msText(s.legacy.averageMs), msText(s.candidate.averageMs)),
    ...row('p95', msText(s.legacy.p95Ms), msText(s.candidate.p95Ms)),
    ...outcomeRows(m, row),
    h('div', { class: 'diffs', text: differences }),
    guardLine(m),
  ]);
}

/** The business outcomes the guard judged, as one more row: success rate per path, with the counts. */
function outcomeRows(m: MigrationView, row: (label: string, legacy: string, candidate: string) => HTMLElement[]): HTMLElement[] {
  const o = m.guard?.outcomes;
  if (!o) return [];
  return row(`Success (floor ${pct(o.limit, 0)})`, `${pct(o.legacyRate, 1)} of ${count(o.legacy)}`, `${pct(o.candidateRate, 1)} of ${count(o.candidate)}`);
}

function guardLine(m: MigrationView): HTMLElement {
  if (!m.guard) return h('div', { class: 'guard muted', text: 'Guard: not configured' });
  const status = m.guard.status === 'degraded' ? 'fail' : m.guard.status === 'healthy' ? 'pass' : 'skipped';
  return h('div', { class: 'guard' }, ['Guard: ', h('span', { class: `status ${status}`, text: m.guard.status }), ` ${m.guard.summary}`]);
}
