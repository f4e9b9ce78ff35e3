// The README's main job: evaluates the repository's flag files through the
// OpenFeature client with the embedded CutoverProvider, for a few ids.
import { OpenFeature } from '@openfeature/server-sdk';
import type { Client, EvaluationContext, EvaluationDetails, FlagValue } from '@openfeature/server-sdk';
import { CutoverProvider } from '@cutover/provider';
import { flagFiles } from './flag-files.js';

const files = flagFiles();
const provider = new CutoverProvider({ files, watch: false });
await OpenFeature.setProviderAndWait(provider);
const client = OpenFeature.getClient('demo');

const contexts: EvaluationContext[] = [
  { targetingKey: 'chat-1001', chatId: 'chat-1001', tenantId: 'tenant-acme', agentVersion: '2.5.0', issueNumber: '41' },
  { targetingKey: 'chat-1002', chatId: 'chat-1002', tenantId: 'tenant-umbrella', agentVersion: '2.3.9', issueNumber: '42' },
  { targetingKey: 'jürgen', chatId: 'jürgen', tenantId: 'hooli-staging', agentVersion: '2.4.0', issueNumber: '43' },
  { targetingKey: 'beta-7', chatId: 'beta-7', tenantId: 'tenant-globex', agentVersion: 'v3', issueNumber: '44' },
];

console.log(`Cutover demo: ${files.length} flag files (${files.join(', ')}), embedded provider\n`);
const rows: string[][] = [['id', 'flag', 'value', 'variant', 'reason', 'source']];
for (const context of contexts) {
  // The provider lists the flags; the application reads each through the OpenFeature client.
  for (const { flagKey, value } of await provider.snapshot(context)) {
    const details = await read(client, flagKey, value, context);
    const shown = typeof details.value === 'string' ? details.value : JSON.stringify(details.value);
    rows.push([String(context.targetingKey), flagKey, shown, details.variant ?? '-', details.reason ?? '-', String(details.flagMetadata.source)]);
  }
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
await OpenFeature.close();

function read(client: Client, flagKey: string, like: FlagValue | undefined, context: EvaluationContext): Promise<EvaluationDetails<FlagValue>> {
  switch (typeof like) {
    case 'boolean':
      return client.getBooleanDetails(flagKey, false, context);
    case 'number':
      return client.getNumberDetails(flagKey, 0, context);
    case 'string':
      return client.getStringDetails(flagKey, 'off', context);
    default:
      return client.getObjectDetails(flagKey, {}, context);
  }
}
