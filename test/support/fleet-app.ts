// One application instance of the fleet test: an OpenFeature client on a
// CutoverProvider with the flag files and the flagd remote layer (in-process:
// the sync layer, Cutover's evaluator on flagd's sync stream). It evaluates one flag every few milliseconds and prints a JSON line
// each time what it serves changes, with the time it saw the change.
// Configured by environment: FLEET_FILES (comma-separated), FLEET_HOST,
// FLEET_SYNC_PORT, FLEET_FLAG, FLEET_TARGETING_KEY.
import { OpenFeature } from '@openfeature/server-sdk';
import { CutoverProvider, flagdRemote } from '@cutover/provider';

const env = process.env;
const quiet = { error() {}, warn() {}, info() {}, debug() {} };
const provider = new CutoverProvider({
  files: env.FLEET_FILES!.split(','),
  // The fleet learns of rollbacks from flagd only; no local overlay.
  rollbackOverlay: false,
  watch: false,
  env: {},
  // flagd 0.11's fractional arithmetic: the fleet buckets as the server does.
  bucketing: 'v1',
  logger: quiet,
  remote: flagdRemote({ resolverType: 'in-process', host: env.FLEET_HOST ?? '127.0.0.1', port: Number(env.FLEET_SYNC_PORT), logger: quiet }),
});
await OpenFeature.setProviderAndWait(provider);
const client = OpenFeature.getClient();
const context = { targetingKey: env.FLEET_TARGETING_KEY ?? 'fleet' };

let last = '';
let errors = 0;
const timer = setInterval(() => {
  void client.getStringDetails(env.FLEET_FLAG!, 'caller-default', context).then((details) => {
    if (details.errorCode) errors++;
    const state = { value: details.value, source: String(details.flagMetadata.source), reason: details.reason ?? '', errors };
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    process.stdout.write(`${JSON.stringify({ at: Date.now(), ...state })}\n`);
  });
}, 5);

const stop = (): void => {
  clearInterval(timer);
  void OpenFeature.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
