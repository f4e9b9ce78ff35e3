/** The page's stylesheet, served as `/assets/dashboard.css` (no build step, no external fonts). */
export const DASHBOARD_STYLES = String.raw`
:root {
  --bg: #f4f6f8; --panel: #ffffff; --ink: #17202a; --muted: #5d6b79; --line: #dde3e9;
  --top: #111a24; --top-ink: #e8eef4; --accent: #2563eb;
  --ok: #15803d; --warn: #b45309; --bad: #b91c1c; --skip: #6b7280;
  --off: #6b7280; --dualwrite: #0e7490; --shadow: #7c3aed; --live: #2563eb; --rampdown: #c2410c; --complete: #15803d;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; }
h2 { font-size: 15px; font-weight: 600; margin: 24px 0 10px; letter-spacing: .01em; }
h3 { font-size: 16px; margin: 0; font-weight: 600; }
.muted { color: var(--muted); font-weight: 400; }
.num, td.num { font-variant-numeric: tabular-nums; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 16px; padding: 10px 24px; background: var(--top); color: var(--top-ink); }
.brand { font-size: 17px; font-weight: 650; display: flex; align-items: center; gap: 8px; }
.brand .logo { color: #60a5fa; font-size: 20px; }
.brand .sub { font-weight: 400; color: #9fb0c2; }
.meta { color: #9fb0c2; font-size: 12px; }
.pill { border-radius: 999px; padding: 3px 10px; font-size: 12px; font-weight: 600; background: #374151; color: #fff; text-transform: uppercase; letter-spacing: .04em; }
.pill.healthy { background: var(--ok); } .pill.degraded { background: var(--warn); } .pill.unhealthy { background: var(--bad); }
.token { margin-left: auto; display: flex; align-items: center; gap: 6px; font-size: 12px; }
.token input { width: 210px; padding: 5px 8px; border-radius: 4px; border: 1px solid #334155; background: #0b1219; color: var(--top-ink); }
.token-state { color: #9fb0c2; min-width: 70px; }
.token-state.set { color: #86efac; }
button { font: inherit; font-size: 13px; padding: 5px 12px; border-radius: 4px; border: 1px solid #94a3b8; background: #fff; color: var(--ink); cursor: pointer; }
button:hover { border-color: var(--accent); }
button:disabled { opacity: .5; cursor: default; }
.top button { background: #1f2b38; color: var(--top-ink); border-color: #334155; }
button.quiet { background: transparent; }
button.danger { background: var(--bad); border-color: var(--bad); color: #fff; font-weight: 600; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
main { padding: 4px 24px 32px; max-width: 1500px; margin: 0 auto; }
.notice { margin: 12px 24px 0; padding: 9px 14px; border-radius: 4px; border: 1px solid; font-weight: 500; }
.notice.ok { background: #ecfdf3; border-color: #86efac; color: #14532d; }
.notice.error { background: #fef2f2; border-color: #fca5a5; color: #7f1d1d; }
.problem { background: #fffbeb; border: 1px solid #fcd34d; color: #78350f; border-radius: 4px; padding: 8px 12px; margin-bottom: 10px; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.migrations { display: grid; gap: 14px; }
.migration { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; }
.migration.rolled-back { border-color: #fca5a5; box-shadow: inset 4px 0 0 var(--bad); }
.migration > header { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.group { color: var(--muted); font-size: 12px; border: 1px solid var(--line); border-radius: 3px; padding: 1px 6px; }
.file { color: var(--muted); font-size: 12px; margin-left: auto; font-family: ui-monospace, Menlo, Consolas, monospace; }
.description { color: var(--muted); margin: 6px 0 10px; }
.stage { display: inline-block; border-radius: 3px; padding: 2px 8px; font-size: 12px; font-weight: 600; color: #fff; background: var(--off); }
.stage-off { background: var(--off); } .stage-dualwrite { background: var(--dualwrite); } .stage-shadow { background: var(--shadow); }
.stage-live { background: var(--live); } .stage-rampdown { background: var(--rampdown); } .stage-complete { background: var(--complete); }
.badge-rollback { background: var(--bad); color: #fff; border-radius: 3px; padding: 2px 8px; font-size: 12px; font-weight: 700; letter-spacing: .03em; }
.rollback-banner { background: #fef2f2; border: 1px solid #fecaca; color: #7f1d1d; border-radius: 4px; padding: 7px 10px; margin: 8px 0; }
.split { display: flex; height: 22px; border-radius: 4px; overflow: hidden; margin: 6px 0 4px; background: #e5e7eb; }
.split > div { display: flex; align-items: center; justify-content: center; color: #fff; font-size: 11px; font-weight: 600; white-space: nowrap; overflow: hidden; min-width: 2px; }
.targeting { font-size: 12px; color: var(--muted); margin: 2px 0 8px; }
.body { display: grid; grid-template-columns: minmax(0, 1.6fr) minmax(260px, 1fr); gap: 18px; align-items: start; }
.charts { display: grid; gap: 6px; }
.no-data { color: var(--muted); font-size: 12px; border: 1px dashed var(--line); border-radius: 4px; padding: 14px; text-align: center; background: #fbfcfd; }
.chart-title { font-size: 12px; color: var(--muted); display: flex; gap: 14px; align-items: center; }
.key { display: inline-flex; align-items: center; gap: 4px; }
.key::before { content: ""; width: 12px; height: 3px; background: currentColor; display: inline-block; }
.key.match { color: var(--accent); } .key.legacy { color: #64748b; } .key.candidate { color: #db2777; } .key.event { color: var(--bad); }
svg.chart { width: 100%; height: auto; display: block; background: #fbfcfd; border: 1px solid var(--line); border-radius: 4px; }
svg.chart text { font-size: 10px; fill: #64748b; font-family: inherit; }
.stats { display: grid; grid-template-columns: auto 1fr 1fr; gap: 4px 12px; margin: 0; font-variant-numeric: tabular-nums; }
.stats .head { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
.stats .label { color: var(--muted); }
.big { font-size: 26px; font-weight: 650; grid-column: 1 / -1; }
.big.good { color: var(--ok); } .big.fair { color: var(--warn); } .big.poor { color: var(--bad); }
.diffs { grid-column: 1 / -1; font-size: 12px; color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; }
.guard { grid-column: 1 / -1; font-size: 12px; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 12px; padding-top: 10px; border-top: 1px solid var(--line); }
.actions select, .actions input[type=text] { font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid #94a3b8; border-radius: 4px; background: #fff; }
.actions input[type=text] { flex: 1 1 220px; min-width: 180px; }
.actions .sep { width: 1px; height: 22px; background: var(--line); }
.action-result { flex-basis: 100%; font-size: 12px; min-height: 16px; }
.action-result.ok { color: var(--ok); } .action-result.error { color: var(--bad); font-weight: 600; }
.columns { display: grid; grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr); gap: 18px; }
.table { width: 100%; border-collapse: collapse; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; font-size: 13px; }
.table th { text-align: left; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; padding: 7px 10px; border-bottom: 1px solid var(--line); }
.table td { padding: 6px 10px; border-bottom: 1px solid #eef1f4; vertical-align: top; }
.table tr:last-child td { border-bottom: 0; }
.status { font-weight: 600; font-size: 12px; text-transform: uppercase; }
.status.pass, .status.completed { color: var(--ok); } .status.warn, .status.initiated { color: var(--warn); }
.status.fail, .status.failed { color: var(--bad); } .status.skipped { color: var(--skip); }
.empty { color: var(--muted); }
@media (max-width: 1000px) { .body, .columns { grid-template-columns: 1fr; } .token { margin-left: 0; } }
`;
