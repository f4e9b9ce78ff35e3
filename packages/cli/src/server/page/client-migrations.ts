/** Client part: one card per migration, built once and updated in place so inputs survive a refresh. */
export const CLIENT_MIGRATIONS = String.raw`
var cards = new Map();
// What the operator typed as a reason, by flag: a card rebuilt by a refresh
// (its flag briefly missing from the data) must not lose it.
var drafts = new Map();

function stageBadge(stage, text) {
  return h('span', { class: 'stage stage-' + stage, text: text || stage });
}

function renderMigrations(data) {
  var list = document.getElementById('migrations');
  document.getElementById('window').textContent = '· last ' + duration(data.windowSeconds);
  replaceChildren(document.getElementById('problems'), data.problems.map(function (p) { return h('div', { class: 'problem', text: p.message }); }));
  var seen = new Set();
  data.migrations.forEach(function (m) {
    seen.add(m.flagKey);
    var card = cards.get(m.flagKey) || createCard(m);
    cards.set(m.flagKey, card);
    updateCard(card, m);
    list.append(card.root);
  });
  cards.forEach(function (card, key) { if (!seen.has(key)) { card.root.remove(); cards.delete(key); } });
  var empty = list.querySelector('.empty');
  if (data.migrations.length === 0 && !empty) list.append(h('p', { class: 'empty', text: 'No migration flag (metadata.kind = "migration") in the flag files.' }));
  if (data.migrations.length > 0 && empty) empty.remove();
}

function createCard(m) {
  var c = { flagKey: m.flagKey };
  c.badges = h('span', { class: 'badges' });
  c.group = h('span', { class: 'group' });
  c.file = h('span', { class: 'file' });
  c.description = h('p', { class: 'description' });
  c.split = h('div', { class: 'split', role: 'img' });
  c.targeting = h('p', { class: 'targeting' });
  c.banner = h('div', { class: 'rollback-banner', hidden: true });
  c.matchChart = h('div');
  c.errorChart = h('div');
  c.charts = h('div', { class: 'charts' }, [
    h('div', { class: 'chart-title' }, ['Match rate', h('span', { class: 'key match', text: 'match rate' }), h('span', { class: 'key event', text: 'rollback / stage change' })]),
    c.matchChart,
    h('div', { class: 'chart-title' }, ['Error rate', h('span', { class: 'key legacy', text: 'legacy' }), h('span', { class: 'key candidate', text: 'candidate' })]),
    c.errorChart,
  ]);
  c.noData = h('div', { class: 'no-data', text: 'No comparisons recorded in this window: the migration has not run both paths yet.', hidden: true });
  c.stats = h('dl', { class: 'stats' });
  c.stage = h('select', { 'aria-label': 'stage', class: 'stage-select' }, m.stages.map(function (s) { return h('option', { value: s, text: s }); }));
  c.force = h('input', { type: 'checkbox', class: 'force' });
  c.reason = h('input', { type: 'text', class: 'reason', placeholder: 'Reason (required, recorded in the audit log)', 'aria-label': 'reason' });
  c.result = h('div', { class: 'action-result', role: 'status' });
  c.rollout = h('p', { class: 'rollout', hidden: true });
  c.approve = h('button', { type: 'button', class: 'approve-rollout', text: 'Approve rollout step', hidden: true, onclick: function () { act(c, 'rollout/approve', {}); } });
  c.clear = h('button', { type: 'button', class: 'clear-rollback', text: 'Clear rollback', onclick: function () { act(c, 'rollback/clear', {}); } });
  c.root = h('article', { class: 'migration', 'data-flag': m.flagKey }, [
    h('header', {}, [h('h3', { text: m.flagKey }), c.badges, c.group, c.file]),
    c.description, c.split, c.targeting, c.rollout, c.banner,
    h('div', { class: 'body' }, [
      h('div', {}, [c.charts, c.noData]),
      c.stats,
    ]),
    h('div', { class: 'actions' }, [
      c.stage,
      h('label', {}, [c.force, ' force']),
      h('button', { type: 'button', class: 'primary set-stage', text: 'Set stage', onclick: function () { act(c, 'stage', { stage: c.stage.value, force: c.force.checked }); } }),
      h('span', { class: 'sep' }),
      c.reason,
      h('button', { type: 'button', class: 'danger rollback', text: 'Emergency rollback', onclick: function () { act(c, 'rollback', {}); } }),
      c.clear,
      c.approve,
      c.result,
    ]),
  ]);
  c.stage.value = m.targeting.baseline || m.stages[0];
  c.reason.value = drafts.get(m.flagKey) || '';
  c.reason.addEventListener('input', function () { drafts.set(m.flagKey, c.reason.value); });
  return c;
}

function updateCard(c, m) {
  var t = m.targeting;
  var badges = t.kind === 'split' ? t.buckets.map(function (b) { return stageBadge(b.stage, b.stage + ' ' + Math.round(b.percent) + ' %'); })
    : t.kind === 'rules' ? [h('span', { class: 'stage', text: 'rules' }), stageBadge(t.baseline || 'off', 'default ' + (t.baseline || '–'))]
    : [stageBadge(t.baseline || 'off')];
  if (m.rollback) badges.unshift(h('span', { class: 'badge-rollback', text: 'ROLLED BACK → ' + m.rollback.variant }));
  replaceChildren(c.badges, badges);
  c.root.classList.toggle('rolled-back', Boolean(m.rollback));
  c.group.textContent = m.group ? 'group ' + m.group : '';
  c.group.hidden = !m.group;
  c.file.textContent = m.file;
  c.description.textContent = m.description || '';
  replaceChildren(c.split, t.buckets.map(function (b) {
    return h('div', { class: 'stage-' + b.stage, title: b.variant + ': ' + b.percent.toFixed(1) + ' %', text: b.stage + ' ' + Math.round(b.percent) + '%' });
  }));
  Array.prototype.forEach.call(c.split.children, function (node, i) { node.style.width = t.buckets[i].percent + '%'; });
  c.split.hidden = t.buckets.length === 0;
  var serving = m.serving ? ' · this process serves ' + (m.serving.stage || '–') + ' (' + m.serving.source + ', ' + m.serving.reason.toLowerCase() + ') to a context without attributes' : '';
  c.targeting.textContent = t.description + serving;
  c.banner.hidden = !m.rollback;
  if (m.rollback) c.banner.textContent = 'Rolled back to ' + m.rollback.variant + ' by ' + m.rollback.by + ' at ' + when(m.rollback.at) + ': ' + m.rollback.reason;
  c.clear.disabled = !m.rollback;
  renderRollout(c, m.rollout);
  renderStats(c.stats, m);
}

function renderRollout(c, r) {
  c.rollout.hidden = !r;
  c.approve.hidden = !r || r.phase !== 'awaiting-approval';
  if (!r) return;
  var plan = r.plan.map(function (s, i) { return (i + 1 === r.step ? '[' + s.percent + ']' : s.percent) + (s.approval ? '*' : ''); }).join(' → ');
  var where = r.phase === 'monitoring' ? (r.extended ? 'window over, waiting for enough data' : 'monitoring, ' + duration(Math.ceil(r.remainingMs / 1000)) + ' left')
    : r.phase === 'awaiting-approval' ? 'waiting for approval' : r.phase;
  var verdict = r.lastDecision ? ' · last verdict ' + r.lastDecision.status + ': ' + r.lastDecision.summary : '';
  c.rollout.textContent = 'Rollout: step ' + r.step + '/' + r.steps + ', ' + r.target + ' ' + r.stepPercent + ' % (' + where + ') · plan ' + plan + (r.outcome ? ' · ' + r.outcome : '') + verdict;
}

function renderStats(node, m) {
  var s = m.summary;
  if (!s || s.total === 0) return replaceChildren(node, [h('div', { class: 'big', text: '–' }), h('div', { class: 'diffs', text: 'Match rate: no comparisons yet.' }), guardLine(m)]);
  var rate = s.matchRate;
  var grade = rate === null ? '' : rate >= 0.99 ? 'good' : rate >= 0.95 ? 'fair' : 'poor';
  var row = function (label, legacy, candidate) { return [h('span', { class: 'label', text: label }), h('span', { text: legacy }), h('span', { text: candidate })]; };
  replaceChildren(node, [].concat(
    [h('div', { class: 'big match-rate ' + grade, text: pct(rate, 2) })],
    [h('div', { class: 'diffs', text: count(s.total) + ' comparisons · ' + count(s.mismatches) + ' mismatches · ' + count(s.errors) + ' comparator errors' })],
    [h('span', {}), h('span', { class: 'head', text: 'Legacy' }), h('span', { class: 'head', text: 'Candidate' })],
    row('Calls', count(s.legacy.count), count(s.candidate.count)),
    row('Error rate', pct(s.legacy.errorRate, 2), pct(s.candidate.errorRate, 2)),
    row('Average', msText(s.legacy.averageMs), msText(s.candidate.averageMs)),
    row('p95', msText(s.legacy.p95Ms), msText(s.candidate.p95Ms)),
    [h('div', { class: 'diffs', text: s.topDifferences.length ? 'Top differences: ' + s.topDifferences.map(function (d) { return d.path + ' ×' + d.count; }).join(', ') : 'No differences.' })],
    [guardLine(m)]
  ));
}

function guardLine(m) {
  if (!m.guard) return h('div', { class: 'guard muted', text: 'Guard: not configured' });
  return h('div', { class: 'guard' }, ['Guard: ', h('span', { class: 'status ' + (m.guard.status === 'degraded' ? 'fail' : m.guard.status === 'healthy' ? 'pass' : 'skipped'), text: m.guard.status }), ' ' + m.guard.summary]);
}

function renderTimeline(flagKey, timeline) {
  var c = cards.get(flagKey);
  if (!c) return;
  var empty = timeline.points.every(function (p) { return p.total === 0; });
  c.charts.hidden = empty;
  c.noData.hidden = !empty;
  if (empty) return;
  replaceChildren(c.matchChart, [matchRateChart(timeline)]);
  replaceChildren(c.errorChart, [errorRateChart(timeline)]);
}
`;
