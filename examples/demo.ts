// The README's main job: a narrated migration of Nutribot's food detection
// with the embedded provider (no flagd needed): shadow, a live canary by chat
// id, a regression, the guard's automatic rollback, the report, the dashboard.
import { parseArgs } from 'node:util';
import { runDemo } from './demo/run-demo.js';

const { values } = parseArgs({
  // `pnpm demo -- --flag` passes the `--` through; it means nothing here.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'dashboard-seconds': { type: 'string', default: '60' },
    requests: { type: 'string', default: '400' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`Usage: pnpm demo [-- --dashboard-seconds N] [--requests N] [--keep]

  --dashboard-seconds N  keep the dashboard up for N seconds at the end (default 60; 0 skips it)
  --requests N           requests per chapter (default 400)
  --keep                 keep the demo's temporary workspace (flags, store, audit log)`);
} else {
  await runDemo({
    dashboardSeconds: Number(values['dashboard-seconds']),
    requests: Number(values.requests),
    keep: values.keep,
  });
}
