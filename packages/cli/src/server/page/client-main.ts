/** Client part: polls the JSON API and redraws; stops polling while the tab is hidden. */
export const CLIENT_MAIN = String.raw`
var refreshing = false;
var refreshAgain = false;

async function getJson(url) {
  var response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
  if (!response.ok && response.status !== 503) throw new Error(url + ': HTTP ' + response.status);
  return response.json();
}

async function refresh() {
  // A refresh asked for during another (after an action) runs when that one ends, so it sees the change.
  if (refreshing) { refreshAgain = true; return; }
  refreshing = true;
  try {
    var results = await Promise.all([getJson('/api/migrations'), getJson('/api/audit?limit=15'), getJson('/health')]);
    renderMigrations(results[0]);
    renderAudit(results[1]);
    renderHealth(results[2], results[0].sources);
    await Promise.all(results[0].migrations.map(function (m) {
      return getJson('/api/migrations/' + encodeURIComponent(m.flagKey) + '/timeline?buckets=60').then(function (t) { renderTimeline(m.flagKey, t); });
    }));
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    document.body.dataset.loaded = 'true';
    var node = document.getElementById('notice');
    if (node.dataset.lost) { delete node.dataset.lost; notice('', ''); }
  } catch (error) {
    var lost = document.getElementById('notice');
    lost.dataset.lost = 'true';
    notice('Cannot reach the dashboard API (' + error.message + '); retrying.', 'error');
  } finally {
    refreshing = false;
    if (refreshAgain) { refreshAgain = false; refresh(); }
  }
}

function start() {
  setupToken();
  var every = Number(document.body.dataset.refreshMs) || 5000;
  refresh();
  setInterval(function () { if (!document.hidden) refresh(); }, every);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
`;
