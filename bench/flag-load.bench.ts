// What a large flag file costs to hold and to load: 10 000 targeted string
// flags (about 4 MB of flagd JSON) loaded by CutoverProvider, by LaunchDarkly's
// server SDK from the same flags in its file format, and by FlagdCore, in the
// same process, interleaved over rounds. Heap per flag is what stays reachable
// after a collection, once each library's code is loaded (a small file first),
// so it counts the flags and nothing else. Targets: heap per flag and load time
// ≤ LaunchDarkly's.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { init, integrations } from '@launchdarkly/node-server-sdk';
import type { LDClient, LDLogger } from '@launchdarkly/node-server-sdk';
import { FlagdCore } from '@openfeature/flagd-core';
import type { Logger } from '@openfeature/server-sdk';
import { CutoverProvider } from '@cutover/provider';
import { target } from './compare.js';

const FLAGS = Number(process.env.BENCH_FLAGS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** `BENCH_DISTINCT_RULES=1`: every flag lists its own tenants, so no two rules are alike and none can be shared. */
const DISTINCT_RULES = process.env.BENCH_DISTINCT_RULES === '1';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const silent: Logger & LDLogger = { error() {}, warn() {}, info() {}, debug() {} };

/** The tenants a rule lists: a few dozen distinct lists, as teams reuse their beta and pilot cohorts. */
function tenants(i: number): string[] {
  const cohort = DISTINCT_RULES ? i : i % 40;
  return Array.from({ length: 6 }, (_, t) => `tenant-${cohort}-${t}`);
}

/** One targeted string flag in flagd's format: variants, a default, an `if`/`in`/`starts_with` rule. */
function flagdFlag(i: number): object {
  return {
    state: 'ENABLED',
    variants: { control: `checkout-v1-${i}`, treatment: `checkout-v2-${i}`, internal: `checkout-dev-${i}` },
    defaultVariant: 'control',
    targeting: { if: [{ in: [{ var: 'tenantId' }, tenants(i)] }, 'treatment', { starts_with: [{ var: 'email' }, 'ops@'] }, 'internal', null] },
  };
}

/** The same flag in LaunchDarkly's data model (its file data source reads full flag representations). */
function launchDarklyFlag(i: number): object {
  return {
    key: key(i),
    version: 1,
    on: true,
    variations: [`checkout-v1-${i}`, `checkout-v2-${i}`, `checkout-dev-${i}`],
    offVariation: 0,
    fallthrough: { variation: 0 },
    rules: [
      { id: `r${i}-0`, variation: 1, clauses: [{ contextKind: 'user', attribute: 'tenantId', op: 'in', values: tenants(i), negate: false }] },
      { id: `r${i}-1`, variation: 2, clauses: [{ contextKind: 'user', attribute: 'email', op: 'startsWith', values: ['ops@'], negate: false }] },
    ],
    targets: [],
    prerequisites: [],
    salt: `salt-${i}`,
  };
}

const key = (i: number): string => `checkout.flag-${String(i).padStart(5, '0')}`;

function documents(count: number): { flagd: string; launchDarkly: string } {
  const indexes = Array.from({ length: count }, (_, i) => i);
  return {
    flagd: JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags: Object.fromEntries(indexes.map((i) => [key(i), flagdFlag(i)])) }),
    launchDarkly: JSON.stringify({ flags: Object.fromEntries(indexes.map((i) => [key(i), launchDarklyFlag(i)])) }),
  };
}

/** A loaded library: something to evaluate with, and how to let it go. */
interface Loaded {
  /** Work the library does after it is ready (Cutover's schema check), timed apart from the load. */
  afterReady?(): Promise<void>;
  evaluate(flagKey: string, context: { targetingKey: string; tenantId: string; email: string }): Promise<unknown> | unknown;
  close(): Promise<void> | void;
}

interface Contender {
  readonly name: string;
  load(files: { flagd: string; launchDarkly: string }): Promise<Loaded>;
}

const contenders: readonly Contender[] = [
  {
    name: 'LaunchDarkly (file data source)',
    async load({ launchDarkly }) {
      const client: LDClient = init('bench-sdk-key', {
        updateProcessor: new integrations.FileDataSourceFactory({ paths: [launchDarkly], autoUpdate: false }).getFactory(),
        sendEvents: false,
        diagnosticOptOut: true,
        logger: silent,
      });
      await client.waitForInitialization({ timeout: 30 });
      return {
        evaluate: (flagKey, context) => client.variation(flagKey, { kind: 'user', key: context.targetingKey, tenantId: context.tenantId, email: context.email }, 'none'),
        close: () => client.close(),
      };
    },
  },
  {
    name: 'FlagdCore',
    async load({ flagd }) {
      const core = new FlagdCore(undefined, silent);
      core.setConfigurations(await readFile(flagd, 'utf8'));
      return { evaluate: (flagKey, context) => core.resolveStringEvaluation(flagKey, 'none', context, silent).value, close() {} };
    },
  },
  {
    name: 'CutoverProvider',
    async load({ flagd }) {
      const provider = new CutoverProvider({ files: [flagd], watch: false, env: {}, rollbackOverlay: false, logger: silent });
      await provider.initialize();
      return {
        afterReady: () => provider.schemaChecked(),
        evaluate(flagKey, context) {
          const resolution = provider.evaluate<string>('string', flagKey, 'none', context);
          return resolution instanceof Promise ? resolution.then((r) => r.value) : resolution.value;
        },
        close: () => provider.onClose(),
      };
    },
  },
];

interface Measure {
  readonly ms: number;
  /** Time of the work after ready, if any. */
  readonly afterMs: number;
  readonly bytesPerFlag: number;
}

/** Loads once: wall time to a ready library, and the heap it keeps per flag. */
async function measure(contender: Contender, files: { flagd: string; launchDarkly: string }, count: number): Promise<Measure & { loaded: Loaded }> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const loaded = await contender.load(files);
  const ms = performance.now() - started;
  const ready = performance.now();
  await loaded.afterReady?.();
  const afterMs = performance.now() - ready;
  gc();
  return { ms, afterMs, bytesPerFlag: (process.memoryUsage().heapUsed - before) / count, loaded };
}

/** Every contender answers alike for a few flags and contexts: a benchmark of different work says nothing. */
async function sameAnswers(loaded: readonly Loaded[]): Promise<void> {
  const contexts = [
    { targetingKey: 'u-1', tenantId: 'tenant-3-2', email: 'a@x.example' },
    { targetingKey: 'u-2', tenantId: 'tenant-9-9', email: 'ops@x.example' },
    { targetingKey: 'u-3', tenantId: 'tenant-9-9', email: 'dev@x.example' },
  ];
  for (const i of [3, 1234 % FLAGS, FLAGS - 1]) {
    for (const context of contexts) {
      const answers = await Promise.all(loaded.map((l) => l.evaluate(key(i), context)));
      if (new Set(answers).size !== 1) throw new Error(`${key(i)}: the contenders answer ${answers.join(' / ')}`);
    }
  }
}

/** Reports what each library holds once every flag has been evaluated (compiled rules, cached results). */
async function afterEvaluation(loaded: readonly Loaded[]): Promise<void> {
  const context = { targetingKey: 'u-1', tenantId: 'tenant-3-2', email: 'ops@x.example' };
  const grown: string[] = [];
  for (const [i, one] of loaded.entries()) {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let flag = 0; flag < FLAGS; flag++) await one.evaluate(key(flag), context);
    gc();
    grown.push(`${contenders[i]!.name} +${((process.memoryUsage().heapUsed - before) / FLAGS).toFixed(0)} B/flag`);
  }
  console.log(`  report heap after evaluating every flag once: ${grown.join(', ')}`);
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs the suite; true when every target is met. */
export async function run(): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-flag-load-'));
  const write = async (name: string, count: number) => {
    const docs = documents(count);
    const files = { flagd: join(dir, `${name}.flagd.json`), launchDarkly: join(dir, `${name}.ld.json`) };
    await writeFile(files.flagd, docs.flagd);
    await writeFile(files.launchDarkly, docs.launchDarkly);
    return { files, bytes: docs.flagd.length };
  };
  try {
    const warm = await write('warm-up', 50);
    const large = await write('large', FLAGS);
    console.log(`${FLAGS} targeted string flags (${DISTINCT_RULES ? 'every rule distinct' : '40 distinct rules'}), flagd file ${(large.bytes / 1e6).toFixed(1)} MB; medians of ${ROUNDS} interleaved rounds`);
    // Each library's code and lazily loaded parts, so the large load counts flags only.
    for (const contender of contenders) await (await contender.load(warm.files)).close();
    const samples = new Map<string, Measure[]>(contenders.map((c) => [c.name, []]));
    // The first round keeps all three loaded to compare their answers; later ones
    // let each go before the next loads, in a rotating order, so that no contender
    // always loads beside the others' heaps.
    const first: Loaded[] = [];
    for (const contender of contenders) {
      const { loaded, ...figures } = await measure(contender, large.files, FLAGS);
      samples.get(contender.name)!.push(figures);
      first.push(loaded);
    }
    await sameAnswers(first);
    await afterEvaluation(first);
    for (const one of first.splice(0)) await one.close();
    for (let round = 1; round < ROUNDS; round++) {
      for (let i = 0; i < contenders.length; i++) {
        const contender = contenders[(round + i) % contenders.length]!;
        const { loaded, ...figures } = await measure(contender, large.files, FLAGS);
        samples.get(contender.name)!.push(figures);
        await loaded.close();
      }
    }
    const figure = (name: string) => ({
      ms: median(samples.get(name)!.map((s) => s.ms)),
      afterMs: median(samples.get(name)!.map((s) => s.afterMs)),
      bytes: median(samples.get(name)!.map((s) => s.bytesPerFlag)),
    });
    const [ld, flagdCore, cutover] = contenders.map((c) => figure(c.name)) as [ReturnType<typeof figure>, ReturnType<typeof figure>, ReturnType<typeof figure>];
    for (const contender of contenders) {
      const { ms, afterMs, bytes } = figure(contender.name);
      const after = afterMs >= 1 ? `   then ${afterMs.toFixed(0)} ms checking the schema, flags already serving` : '';
      console.log(`  ${contender.name.padEnd(34)} load ${ms.toFixed(0).padStart(6)} ms   heap ${bytes.toFixed(0).padStart(6)} B/flag${after}`);
    }
    console.log(`  ratios CutoverProvider: load ${(cutover.ms / ld.ms).toFixed(2)}× LaunchDarkly, ${(cutover.ms / flagdCore.ms).toFixed(2)}× FlagdCore; heap ${(cutover.bytes / ld.bytes).toFixed(2)}× LaunchDarkly, ${(cutover.bytes / flagdCore.bytes).toFixed(2)}× FlagdCore`);
    const heapOk = target('heap per flag vs LaunchDarkly', cutover.bytes / ld.bytes, 1.0);
    const loadOk = target('load time vs LaunchDarkly', cutover.ms / ld.ms, 1.0);
    return heapOk && loadOk;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
