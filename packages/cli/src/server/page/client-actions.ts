/** Client part: the token (kept in sessionStorage) and the quick actions. */
export const CLIENT_ACTIONS = String.raw`
var TOKEN_KEY = 'cutover.dashboard.token';

function getToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (error) { return ''; }
}

function showTokenState() {
  var state = document.getElementById('token-state');
  var set = getToken() !== '';
  state.textContent = set ? 'token set' : 'no token';
  state.classList.toggle('set', set);
}

function setupToken() {
  var form = document.getElementById('token-form');
  var input = document.getElementById('token');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (input.value.trim()) sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    input.value = '';
    showTokenState();
  });
  document.getElementById('forget-token').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    showTokenState();
  });
  showTokenState();
}

function notice(text, kind) {
  var node = document.getElementById('notice');
  node.hidden = !text;
  node.className = 'notice ' + (kind || '');
  node.textContent = text || '';
}

function report(card, text, kind) {
  card.result.className = 'action-result ' + kind;
  card.result.textContent = text;
  notice(card.flagKey + ': ' + text, kind);
}

async function act(card, action, body) {
  body.reason = card.reason.value.trim();
  if (!body.reason) return report(card, 'Enter a reason first: every action is recorded with one.', 'error');
  var headers = { 'Content-Type': 'application/json' };
  var token = getToken();
  if (token) headers.Authorization = 'Bearer ' + token;
  report(card, 'Sending…', '');
  try {
    var response = await fetch('/api/migrations/' + encodeURIComponent(card.flagKey) + '/' + action, { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'omit' });
    var data = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      var refused = response.status === 401 || response.status === 403 ? 'Refused' : 'Failed';
      return report(card, refused + ' (' + response.status + '): ' + (data.error ? data.error.message : response.statusText), 'error');
    }
    card.reason.value = '';
    drafts.delete(card.flagKey);
    report(card, describeSuccess(action, data), 'ok');
    refresh();
  } catch (error) {
    report(card, 'Failed: ' + error.message, 'error');
  }
}

function describeSuccess(action, data) {
  if (action === 'rollback') return 'Rolled back to ' + data.rolledBack.map(function (e) { return e.variant; }).join(', ') + ' in ' + data.durationMs + ' ms.';
  if (action === 'rollout/approve') return 'Step ' + (data.approval.details.step + 1) + ' (' + data.approval.details.percent + ' %) approved; the controller goes on at its next look.';
  if (action === 'rollback/clear') return 'Rollback cleared; the flag files answer again.';
  var text = data.written ? 'Stage set: ' + data.from + ' → ' + data.to + ' in ' + data.file + '.' : 'Already ' + data.to + '; nothing changed.';
  return data.warnings.length ? text + ' ' + data.warnings.join(' ') : text;
}
`;
