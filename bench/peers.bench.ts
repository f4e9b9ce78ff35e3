// Flag evaluation against the SDKs a team would otherwise use, in one run:
// a hashed 10 % rollout resolved directly (CutoverProvider.evaluate against
// LaunchDarkly's `variation`, Unleash's `isEnabled` and FlagdCore), and a
// static flag through the OpenFeature client against the SDK's
// InMemoryProvider. Ratios are of medians over interleaved rounds. Goals:
// direct resolve ≤ 1.0× FlagdCore (fractional), client ≤ 1.10× InMemoryProvider.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlagdCore } from '@openfeature/flagd-core';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import type { Client, Logger } from '@openfeature/server-sdk';
import { CutoverProvider } from '@cutover/provider';
import { compare, target } from './compare.js';
import type { Contender } from './compare.js';
import { launchDarklyClient, launchDarklyFlag, unleashClient } from './peer-sdks.js';
import { scaled } from './smoke.js';

const ROLLOUT = 'bench.rollout';
const STATIC = 'bench.static';
const FLAGS = {
  flags: {
    [ROLLOUT]: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', targeting: { fractional: [['on', 10], ['off', 90]] } },
    [STATIC]: { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow' }, defaultVariant: 'shadow' },
  },
};
const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

/** Medians of `rounds` interleaved, rotated rounds of `compare`, by contender name. */
async function medians(title: string, contenders: readonly Contender[], rounds: number, time: number): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length] as Contender);
    for (const row of await compare(`${title}, round ${round + 1}/${rounds}`, order, { time })) samples.get(row.name)?.push(row.nsPerOp);
  }
  const result = new Map([...samples].map(([name, values]) => [name, median(values)]));
  console.log(`\n${title}: medians of ${rounds} rounds`);
  for (const [name, ns] of result) console.log(`  ${name.padEnd(48)} ${ns.toFixed(1).padStart(10)} ns/op`);
  return result;
}

/** Runs the suite; true when every target is met. */
export async function run(): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-bench-'));
  const file = join(dir, 'bench.flagd.json');
  await writeFile(file, JSON.stringify(FLAGS));
  const cutover = new CutoverProvider({ files: [file], watch: false, env: {}, rollbackOverlay: false, logger: silent });
  await cutover.initialize();
  const ld = await launchDarklyClient([
    launchDarklyFlag(ROLLOUT, [true, false], { rollout: { variations: [{ variation: 0, weight: 10_000 }, { variation: 1, weight: 90_000 }] } }),
  ]);
  const unleash = await unleashClient([
    { name: ROLLOUT, enabled: true, strategies: [{ name: 'flexibleRollout', parameters: { rollout: '10', stickiness: 'default', groupId: ROLLOUT }, constraints: [] }] },
  ] as never);
  try {
    const core = new FlagdCore(undefined, silent);
    core.setConfigurations(JSON.stringify(FLAGS));
    const context = { targetingKey: 'chat-1042' };
    const ldContext = { kind: 'user', key: 'chat-1042' };
    const rounds = scaled(5, 1);
    const direct = await medians(
      'hashed 10 % rollout, direct resolve',
      [
        { name: 'CutoverProvider.evaluate', run: () => cutover.evaluate<boolean>('boolean', ROLLOUT, false, context) },
        { name: 'LaunchDarkly variation', run: () => ld.variation(ROLLOUT, ldContext, false) },
        { name: 'Unleash isEnabled', run: () => unleash.isEnabled(ROLLOUT, { userId: 'chat-1042' }) },
        { name: 'FlagdCore.resolveBooleanEvaluation', run: () => core.resolveBooleanEvaluation(ROLLOUT, false, context, silent) },
      ],
      rounds,
      500,
    );
    const ours = direct.get('CutoverProvider.evaluate') ?? Number.NaN;
    for (const peer of ['LaunchDarkly variation', 'Unleash isEnabled']) console.log(`  report rollout vs ${peer}: ${(ours / (direct.get(peer) ?? Number.NaN)).toFixed(2)}×`);
    const results = [target('rollout vs FlagdCore', ours / (direct.get('FlagdCore.resolveBooleanEvaluation') ?? Number.NaN), 1.0)];

    await OpenFeature.setProviderAndWait('bench-peers-in-memory', new InMemoryProvider({ [STATIC]: { variants: { off: 'off', shadow: 'shadow' }, defaultVariant: 'shadow', disabled: false } }));
    await OpenFeature.setProviderAndWait('bench-peers-cutover', cutover);
    const through = (name: string, client: Client): Contender => ({ name, run: () => client.getStringValue(STATIC, 'off', context) });
    const client = await medians(
      'static flag through the OpenFeature client',
      [through('InMemoryProvider', OpenFeature.getClient('bench-peers-in-memory')), through('CutoverProvider', OpenFeature.getClient('bench-peers-cutover'))],
      rounds,
      1000,
    );
    results.push(target('static flag through the client vs InMemoryProvider', (client.get('CutoverProvider') ?? Number.NaN) / (client.get('InMemoryProvider') ?? Number.NaN), 1.1));
    return results.every(Boolean);
  } finally {
    ld.close();
    unleash.destroy();
    await OpenFeature.clearProviders();
    await rm(dir, { recursive: true, force: true });
  }
}
