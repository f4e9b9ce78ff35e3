// Parity with a real flagd: for every flag of the repo's
// flags/ and a file rich in targeting, over 10 000 contexts (non-ASCII keys
// included), flagd's value and variant equal the embedded file layer's, and
// equal what an application connected in in-process mode (flagdRemote, the
// sync layer) serves from flagd's sync stream. flagd v0.11.2 buckets
// `fractional` the v1 way, hence `bucketing: 'v1'`. For contrast the test also
// counts, without failing, how often flagd-provider's own in-process
// evaluator (flagd-core 4: UTF-16, v2) disagrees with the server.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationContext, FlagValue, Logger } from '@openfeature/server-sdk';
import { CutoverProvider, FlagdRemoteLayer, flagdRemote } from '@cutover/provider';
import type { FlagType } from '@cutover/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Flagd, findFlagd } from './support/flagd.js';
import { parityContexts, targetingRichFile } from './support/flagd-parity-fixtures.js';

const FLAGS_DIR = new URL('../flags/', import.meta.url).pathname;
const CONTEXTS = 10_000;
const CONCURRENCY = 32;
const DEFAULTS: Record<FlagType, FlagValue> = { boolean: false, string: 'caller-default', number: -1, object: { caller: 'default' } };
const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };
const binary = findFlagd();

/**
 * Where flagd 0.11.2 and Cutover disagree on an absent attribute; counted and
 * printed, not failed. Every other difference fails the test. (A `cat` over an
 * absent attribute used to be one: Cutover now joins it as '' as flagd does.)
 */
const KNOWN_DIFFERENCES = [
  {
    description: 'a string operator (starts_with) on an absent attribute inside `and` (truthy in flagd 0.11)',
    applies: (key: string, context: EvaluationContext) => key === 'parity.nested' && context.email === undefined,
    count: 0,
  },
];

interface Answer {
  value: FlagValue;
  variant: string;
  reason: string;
}

describe.skipIf(!binary)('flagd parity', () => {
  let dir: string;
  let files: string[];
  let flagd: Flagd;
  let embedded: CutoverProvider;
  let inProcess: CutoverProvider;
  let flagdCore: CutoverProvider;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-flagd-parity-'));
    const rich = join(dir, 'targeting.flagd.json');
    await writeFile(rich, JSON.stringify(targetingRichFile, null, 2));
    const repoFiles = (await readdir(FLAGS_DIR)).filter((name) => name.endsWith('.flagd.json') && name !== 'rollbacks.flagd.json').sort();
    files = [...repoFiles.map((name) => join(FLAGS_DIR, name)), rich];
    flagd = await Flagd.start({ binary: binary!, files });
    embedded = new CutoverProvider({ files, rollbackOverlay: false, watch: false, env: {}, bucketing: 'v1', logger: silent });
    await embedded.initialize();
    // The application's files say nothing here (none given): every answer must come from flagd's sync stream.
    const remote = flagdRemote({ resolverType: 'in-process', host: '127.0.0.1', port: flagd.ports.syncPort, logger: silent });
    inProcess = new CutoverProvider({ files: [], rollbackOverlay: false, watch: false, env: {}, bucketing: 'v1', logger: silent, remote });
    await inProcess.initialize();
    const core = new FlagdRemoteLayer({ resolverType: 'in-process', host: '127.0.0.1', port: flagd.ports.syncPort, logger: silent });
    flagdCore = new CutoverProvider({ files: [], rollbackOverlay: false, watch: false, env: {}, bucketing: 'v1', logger: silent, remote: core });
    await flagdCore.initialize();
  });

  afterAll(async () => {
    await embedded?.onClose();
    await inProcess?.onClose();
    await flagdCore?.onClose();
    await flagd?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // 10 000 contexts over every shipped flag and the rich file: minutes on a shared, loaded machine.
  it('serves the value and variant of the embedded file layer for every flag and context', async () => {
    const flags = [...embedded.flagDefinitions()].map(([key, definition]) => ({ key, type: typeOf(Object.values(definition.variants)[0]!) }));
    expect(flags.length).toBeGreaterThanOrEqual(12);
    const contexts = parityContexts(CONTEXTS);
    const mismatches: string[] = [];
    const inProcessMismatches: string[] = [];
    const notRemote: string[] = [];
    let nonAscii = 0;
    let flagdCoreMismatches = 0;
    let flagdCoreNonAscii = 0;
    const reasons = new Map<string, number>();
    const started = performance.now();
    for (let i = 0; i < contexts.length; i += CONCURRENCY) {
      await Promise.all(
        contexts.slice(i, i + CONCURRENCY).map(async (context) => {
          const fromFlagd = await askFlagd(flagd, context);
          const ascii = [...String(context.targetingKey ?? '')].every((char) => char.codePointAt(0)! < 0x80);
          if (!ascii) nonAscii++;
          for (const { key, type } of flags) {
            const [remote, local] = [fromFlagd(key, type), askEmbedded(embedded, type, key, context)];
            const synced = askInProcess(inProcess, type, key, context);
            if (synced.source !== 'remote' && remote.reason !== 'ABSENT') notRemote.push(`${key}: ${synced.source}`);
            if (!sameValue(remote.value, synced.value) || remote.variant !== synced.variant) {
              if (!KNOWN_DIFFERENCES.some((difference) => difference.applies(key, context))) {
                inProcessMismatches.push(`${key} ${JSON.stringify(context)}: flagd ${JSON.stringify(remote)}, in-process ${JSON.stringify(synced)}`);
              }
            }
            const core = await flagdCore.evaluate(type, key, DEFAULTS[type], context);
            const coreDiffers = !sameValue(remote.value, core.value) || remote.variant !== (core.variant ?? '');
            if (coreDiffers && !KNOWN_DIFFERENCES.some((difference) => difference.applies(key, context))) {
              flagdCoreMismatches++;
              if (!ascii) flagdCoreNonAscii++;
            }
            if (!sameValue(remote.value, local.value) || remote.variant !== local.variant) {
              const known = KNOWN_DIFFERENCES.find((difference) => difference.applies(key, context));
              if (known) known.count++;
              else mismatches.push(`${key} ${JSON.stringify(context)}: flagd ${JSON.stringify(remote)}, embedded ${JSON.stringify(local)}`);
            }
            if (remote.reason !== local.reason) {
              const pair = `${remote.reason} (flagd) / ${local.reason} (embedded)`;
              reasons.set(pair, (reasons.get(pair) ?? 0) + 1);
            }
          }
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`flagd parity: ${flags.length * contexts.length} evaluations (${flags.length} flags x ${contexts.length} contexts) in ${seconds.toFixed(1)} s, ${mismatches.length} value/variant mismatches`);
    console.log(
      `flagd parity, in-process (sync layer, bucketing v1): ${inProcessMismatches.length} value/variant mismatches with flagd over the same evaluations, ` +
        `${nonAscii} of ${contexts.length} contexts with a non-ASCII targeting key; answers not from flagd: ${notRemote.length}`,
    );
    console.log(`flagd parity, for contrast: flagd-provider's in-process evaluator (flagd-core 4) differs from flagd on ${flagdCoreMismatches} evaluations, ${flagdCoreNonAscii} of them with a non-ASCII key (known flagd 0.11 differences left out)`);
    for (const known of KNOWN_DIFFERENCES) console.log(`flagd parity: known flagd 0.11 difference, ${known.description}: ${known.count}`);
    for (const [pair, count] of reasons) console.log(`flagd parity: reason differs, ${pair}: ${count}`);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(mismatches).toHaveLength(0);
    expect(notRemote.slice(0, 10)).toEqual([]);
    expect(inProcessMismatches.slice(0, 10)).toEqual([]);
    expect(nonAscii).toBeGreaterThan(contexts.length / 2);
  }, 240_000);
});

function typeOf(value: unknown): FlagType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return typeof value === 'number' ? 'number' : 'object';
}

interface ResolveAllFlag {
  reason?: string;
  variant?: string;
  boolValue?: boolean;
  stringValue?: string;
  doubleValue?: number;
  objectValue?: FlagValue;
}

/**
 * flagd's answers for every flag for one context, from `ResolveAll` of its
 * Connect/HTTP JSON API (`flagd.evaluation.v1`): one request per context keeps
 * 10 000 contexts well under a minute. A flag it leaves out (flagd 0.11 skips
 * DISABLED flags and errors) and a flag without variant are the caller's default.
 */
async function askFlagd(flagd: Flagd, context: EvaluationContext): Promise<(key: string, type: FlagType) => Answer> {
  const response = await fetch(`${flagd.url}/flagd.evaluation.v1.Service/ResolveAll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ context }),
  });
  const { flags = {} } = (await response.json()) as { flags?: Record<string, ResolveAllFlag> };
  return (key, type) => {
    const flag = flags[key];
    if (!flag) return { value: DEFAULTS[type], variant: '', reason: 'ABSENT' };
    const value = flag.boolValue ?? flag.stringValue ?? flag.doubleValue ?? flag.objectValue;
    return { value: flag.variant && value !== undefined ? value : DEFAULTS[type], variant: flag.variant ?? '', reason: flag.reason ?? '' };
  };
}

function askEmbedded(provider: CutoverProvider, type: FlagType, key: string, context: EvaluationContext): Answer {
  const details = provider.evaluate(type, key, DEFAULTS[type], context);
  if (details instanceof Promise) throw new Error('the embedded provider resolves synchronously');
  return { value: details.value, variant: details.variant ?? '', reason: details.errorCode ? `ERROR ${details.errorCode}` : (details.reason ?? '') };
}

/** What the in-process application serves: Cutover's evaluator on flagd's synced flags, synchronously. */
function askInProcess(provider: CutoverProvider, type: FlagType, key: string, context: EvaluationContext): Answer & { source: string } {
  const details = provider.evaluate(type, key, DEFAULTS[type], context);
  if (details instanceof Promise) throw new Error('the sync layer resolves synchronously');
  return { value: details.value, variant: details.variant ?? '', reason: details.reason ?? '', source: String(details.flagMetadata?.source) };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
