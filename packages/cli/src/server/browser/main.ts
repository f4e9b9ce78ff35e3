import { DashboardRefresh } from './dashboard-refresh.js';
import { MigrationList } from './migration-list.js';
import { runQuickAction } from './quick-action.js';
import { setupTokenForm } from './session-token.js';

/** How often the page redraws unless the shell says otherwise (`data-refresh-ms`). */
const DEFAULT_REFRESH_MS = 5000;

// The page's entry point: wires the token form and the cards' actions, then
// redraws on a timer, skipping turns while the tab is hidden.
function start(): void {
  setupTokenForm();
  const migrations = new MigrationList((card, action, body) => {
    void runQuickAction(card, action, body, () => {
      migrations.forgetDraft(card.flagKey);
      void refresh.run();
    });
  });
  const refresh = new DashboardRefresh(migrations);
  const every = Number(document.body.dataset.refreshMs) || DEFAULT_REFRESH_MS;
  void refresh.run();
  setInterval(() => {
    if (!document.hidden) void refresh.run();
  }, every);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
