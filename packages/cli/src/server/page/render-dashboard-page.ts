/** What the page shell needs from the server. */
export interface DashboardPageModel {
  readonly version: string;
  readonly refreshIntervalMs: number;
}

/**
 * The page shell, rendered by the server: layout, headings, the token field
 * and empty panels. The script fills and refreshes them from the JSON API;
 * nothing is loaded from anywhere but this server.
 */
export function renderDashboardPage(model: DashboardPageModel): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cutover · migrations</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/dashboard.css">
<script src="/assets/dashboard.js" defer></script>
</head>
<body data-refresh-ms="${Number(model.refreshIntervalMs)}">
<header class="top">
  <div class="brand"><span class="logo" aria-hidden="true">⇄</span> Cutover <span class="sub">migrations</span></div>
  <div id="health-pill" class="pill" title="GET /health">checking…</div>
  <div class="meta">v${escapeHtml(model.version)} · <span id="updated">loading…</span></div>
  <form id="token-form" class="token" autocomplete="off">
    <label for="token">Token</label>
    <input type="password" id="token" name="token" placeholder="needed for actions" spellcheck="false" autocomplete="new-password">
    <button type="submit">Use</button>
    <button type="button" id="forget-token" class="quiet">Forget</button>
    <span id="token-state" class="token-state">no token</span>
  </form>
</header>
<div id="notice" class="notice" role="status" aria-live="polite" hidden></div>
<main>
  <section aria-labelledby="h-migrations">
    <h2 id="h-migrations">Migrations <span id="window" class="muted"></span></h2>
    <div id="problems"></div>
    <div id="migrations" class="migrations"><p class="empty">Loading…</p></div>
  </section>
  <div class="columns">
    <section aria-labelledby="h-audit">
      <h2 id="h-audit">Recent stage changes and rollbacks</h2>
      <table id="audit" class="table"><thead><tr><th>When</th><th>Action</th><th>Scope</th><th>Actor</th><th>Reason</th></tr></thead><tbody></tbody></table>
    </section>
    <section aria-labelledby="h-health">
      <h2 id="h-health">Health</h2>
      <table id="health" class="table"><thead><tr><th>Check</th><th>Status</th><th>Latency</th><th>Detail</th></tr></thead><tbody></tbody></table>
    </section>
  </div>
</main>
<noscript><p class="empty">This page draws its data with JavaScript. The same data is at <a href="/api/migrations">/api/migrations</a>, <a href="/api/audit">/api/audit</a> and <a href="/health">/health</a>.</p></noscript>
</body>
</html>
`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
