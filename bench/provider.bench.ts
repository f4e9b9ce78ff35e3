// Resolve cost of CutoverProvider, in one run:
// directly against FlagdCore from @openfeature/flagd-core, then through the
// OpenFeature client against the SDK's InMemoryProvider and FlagdProvider in
// offline file mode. Every comparison puts the peer first, so the printed
// ratio is Cutover / peer (< 1 is faster). Goals: static ≤ 0.5× FlagdCore,
// fractional ≤ 1.0×, fractional with 200 context attributes ≤ 0.2×, static
// through the client ≤ 1.10× InMemoryProvider.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlagdCore } from '@openfeature/flagd-core';
import { FlagdProvider } from '@openfeature/flagd-provider';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import type { Client, EvaluationContext, Logger, Provider } from '@openfeature/server-sdk';
import { CutoverProvider } from '@cutover/provider';
import { compare, target } from './compare.js';
import type { Contender } from './compare.js';

const STAGES = { off: 'off', shadow: 'shadow', live: 'live' };

/** One flag of each kind measured; the same JSON feeds FlagdCore, FlagdProvider and CutoverProvider. */
const FLAGS = {
  $schema: 'https://flagd.dev/schema/v0/flags.json',
  flags: {
    'bench.static': { state: 'ENABLED', variants: STAGES, defaultVariant: 'shadow' },
    'bench.targeted': {
      state: 'ENABLED',
      variants: STAGES,
      defaultVariant: 'off',
      targeting: {
        if: [
          { in: [{ var: 'tenantId' }, ['tenant-acme', 'tenant-globex', 'tenant-initech']] },
          'live',
          { starts_with: [{ var: 'email' }, 'ops@'] },
          'shadow',
          null,
        ],
      },
    },
    'bench.fractional': {
      state: 'ENABLED',
      variants: STAGES,
      defaultVariant: 'off',
      targeting: { fractional: [['live', 10], ['shadow', 90]] },
    },
  },
};

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

const small: EvaluationContext = { targetingKey: 'chat-1042', tenantId: 'tenant-hooli', email: 'ops@hooli.example' };
/** A realistic upper end: request, user and device attributes copied into the context by a host app. */
const wide: EvaluationContext = { ...small, ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`attribute${i}`, i % 2 ? `value-${i}` : i])) };

/** Measures peer, Cutover, peer again: the baseline is the mean of both peer runs, so drift on shared cores does not land on one side. */
async function ratioToPeer(title: string, peer: Contender, cutover: Contender, time: number): Promise<number> {
  const rows = await compare(title, [peer, cutover, { ...peer, name: `${peer.name} (again)` }], { time });
  const [first, ours, last] = rows;
  if (!first || !ours || !last) throw new Error(`${title}: a contender did not complete`);
  return ours.nsPerOp / ((first.nsPerOp + last.nsPerOp) / 2);
}

/** Fails the run when two contenders do not answer alike: a benchmark of different work says nothing. */
function sameAnswer(what: string, expected: unknown, actual: unknown): void {
  if (expected !== actual) throw new Error(`${what}: peer answered ${String(expected)}, Cutover ${String(actual)}`);
}

async function client(domain: string, provider: Provider): Promise<Client> {
  await OpenFeature.setProviderAndWait(domain, provider);
  return OpenFeature.getClient(domain);
}

/** Runs the suite; true when every target is met. */
export async function run(): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-bench-'));
  const file = join(dir, 'bench.flagd.json');
  await writeFile(file, JSON.stringify(FLAGS, null, 2));
  try {
    return await measure(file);
  } finally {
    await OpenFeature.clearProviders();
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(file: string): Promise<boolean> {
  const cutover = new CutoverProvider({ files: [file], watch: false, env: {}, rollbackOverlay: false, logger: silent });
  await cutover.initialize();
  const core = new FlagdCore(undefined, silent);
  core.setConfigurations(JSON.stringify(FLAGS));

  const direct = (flagKey: string, context: EvaluationContext) => {
    const ours = cutover.evaluate<string>('string', flagKey, 'none', context);
    if (ours instanceof Promise) throw new Error('file flags resolve synchronously');
    sameAnswer(flagKey, core.resolveStringEvaluation(flagKey, 'none', context, silent).value, ours.value);
    return [
      { name: 'FlagdCore.resolveStringEvaluation', run: () => core.resolveStringEvaluation(flagKey, 'none', context, silent) },
      { name: 'CutoverProvider.evaluate', run: () => cutover.evaluate<string>('string', flagKey, 'none', context) },
    ] as const;
  };

  const results: boolean[] = [];
  console.log('\ndirect resolve, CutoverProvider / FlagdCore (peer measured before and after)');
  const [coreStatic, ourStatic] = direct('bench.static', small);
  results.push(target('static flag', await ratioToPeer('static flag', coreStatic, ourStatic, 1000), 0.5));
  const [coreTargeted, ourTargeted] = direct('bench.targeted', small);
  const targeted = await ratioToPeer('targeting rule (if / in / starts_with)', coreTargeted, ourTargeted, 1000);
  console.log(`  report targeting rule: ${targeted.toFixed(2)}×`);
  const [coreSplit, ourSplit] = direct('bench.fractional', small);
  results.push(target('fractional flag', await ratioToPeer('fractional flag', coreSplit, ourSplit, 1000), 1.0));
  const [coreWide, ourWide] = direct('bench.fractional', wide);
  results.push(target('fractional flag, 200-attribute context', await ratioToPeer('fractional flag, 200-attribute context', coreWide, ourWide, 1000), 0.2));

  const inMemory = await client('bench-in-memory', new InMemoryProvider({ 'bench.static': { variants: STAGES, defaultVariant: 'shadow', disabled: false } }));
  const flagd = await client('bench-flagd', new FlagdProvider({ resolverType: 'in-process', offlineFlagSourcePath: file }, silent));
  const ours = await client('bench-cutover', cutover);
  for (const [peer, flagKey] of [[inMemory, 'bench.static'], [flagd, 'bench.static'], [flagd, 'bench.fractional']] as const) {
    sameAnswer(flagKey, await peer.getStringValue(flagKey, 'none', small), await ours.getStringValue(flagKey, 'none', small));
  }
  const through = (name: string, c: Client, flagKey: string): Contender => ({ name, run: () => c.getStringValue(flagKey, 'none', small) });

  console.log('\nthrough the OpenFeature client, CutoverProvider / peer (peer measured before and after)');
  const vsInMemory = await ratioToPeer('static flag vs InMemoryProvider', through('InMemoryProvider', inMemory, 'bench.static'), through('CutoverProvider', ours, 'bench.static'), 2000);
  results.push(target('static flag through the client vs InMemoryProvider', vsInMemory, 1.1));
  const vsFlagd = await ratioToPeer('static flag vs FlagdProvider (offline file)', through('FlagdProvider', flagd, 'bench.static'), through('CutoverProvider', ours, 'bench.static'), 1000);
  console.log(`  report static flag through the client vs FlagdProvider: ${vsFlagd.toFixed(2)}×`);
  const splitVsFlagd = await ratioToPeer('fractional flag vs FlagdProvider (offline file)', through('FlagdProvider', flagd, 'bench.fractional'), through('CutoverProvider', ours, 'bench.fractional'), 1000);
  console.log(`  report fractional flag through the client vs FlagdProvider: ${splitVsFlagd.toFixed(2)}×`);
  return results.every(Boolean);
}
