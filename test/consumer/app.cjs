// The same application from CommonJS (require), run, run from a fresh npm project that installed the
// packed tarballs: the provider on a flag file, a migration with a comparator
// and a store, /metrics scraped over HTTP, and the guard rolling back.
const { createServer } = require('node:http');
const { OpenFeature } = require('@openfeature/server-sdk');
const { Registry } = require('prom-client');
const { deepEqual } = require('@cutover/comparators');
const { createCutover } = require('cutover');

async function main() {

const registry = new Registry();
const quiet = { error: (...a) => console.error(...a), warn() {}, info() {}, debug() {} };
const cutover = createCutover({ files: ['flags/search.flagd.json'], registry, logger: quiet, provider: { env: {}, watch: false } });
await OpenFeature.setProviderAndWait(cutover.provider);
OpenFeature.addHooks(...cutover.hooks);
const search = cutover.migration({
  flagKey: 'search.engine',
  read: { legacy: async (q) => [q], candidate: async () => { throw new Error('new engine down'); } },
  compare: deepEqual(),
  options: { fallbackToLegacy: true },
});
for (let i = 0; i < 300; i++) await search.read(`q${i}`, { targetingKey: `user-${i}` });

const server = createServer((_, res) => void registry.metrics().then((text) => res.end(text)));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const scraped = await (await fetch(`http://127.0.0.1:${server.address().port}/metrics`)).text();
server.close();

const verdict = await cutover.guards.get('search.engine').evaluateNow();
const after = await OpenFeature.getClient().getStringDetails('search.engine', 'x', { targetingKey: 'user-1' });
await cutover.store.flush();
const summary = await cutover.store.getSummary({ flagKey: 'search.engine' });
await cutover.close();
await OpenFeature.close();
console.log(JSON.stringify({
  scrapedCalls: /cutover_migration_calls_total\{[^}]*path="candidate"[^}]*outcome="error"\} 300/.test(scraped),
  verdict: verdict?.status,
  served: after.value,
  compared: summary.total,
}));
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
