/** Client part: the audit table, the health table with the flag sources, and the health pill. */
export const CLIENT_PANELS = String.raw`
var CHECK_NAMES = { flagFiles: 'Flag files', flagd: 'flagd', comparisonStore: 'Comparison store', guard: 'Guard' };

function describeDetails(record) {
  var d = record.details || {};
  if (record.action === 'stage' && d.from !== undefined) return ' (' + d.from + ' → ' + d.to + (d.forced ? ', forced' : '') + ')';
  if (d.error) return ' (' + d.error + ')';
  if (d.suppressed) return ' (+' + d.suppressed + ' more refusals not recorded)';
  return '';
}

function renderAudit(data) {
  var body = document.querySelector('#audit tbody');
  if (data.records.length === 0) return replaceChildren(body, [h('tr', {}, [h('td', { colspan: 5, class: 'empty', text: 'Nothing recorded yet.' })])]);
  replaceChildren(body, data.records.map(function (r) {
    return h('tr', { class: 'audit-row', 'data-action': r.action, 'data-status': r.status }, [
      h('td', { class: 'num', text: when(r.at) }),
      h('td', {}, [r.action + ' ', h('span', { class: 'status ' + r.status, text: r.status })]),
      h('td', { text: r.scope }),
      h('td', { text: r.actor }),
      h('td', { text: r.reason + describeDetails(r) }),
    ]);
  }));
}

function renderHealth(report, sources) {
  var pill = document.getElementById('health-pill');
  pill.className = 'pill ' + report.status;
  pill.textContent = report.status + ' · up ' + duration(report.uptime);
  var rows = Object.keys(report.checks).map(function (name) {
    var c = report.checks[name];
    return h('tr', { 'data-check': name }, [
      h('td', { text: CHECK_NAMES[name] || name }),
      h('td', {}, [h('span', { class: 'status ' + c.status, text: c.status })]),
      h('td', { class: 'num', text: msText(c.latencyMs) }),
      h('td', { text: c.message }),
    ]);
  });
  if (sources) {
    sources.files.forEach(function (file) {
      var broken = sources.broken.indexOf(file) >= 0;
      rows.push(h('tr', { class: 'source' }, [
        h('td', { class: 'muted', text: 'source' }),
        h('td', {}, [h('span', { class: 'status ' + (broken ? 'fail' : 'pass'), text: broken ? 'broken' : 'ok' })]),
        h('td', {}),
        h('td', { class: 'file', title: file, text: file.split('/').pop() + (broken ? ': latest edit rejected, last good version serving' : '') }),
      ]));
    });
  }
  replaceChildren(document.querySelector('#health tbody'), rows);
}
`;
