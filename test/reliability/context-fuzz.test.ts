// Hostile evaluation contexts through the real OpenFeature client (with the
// metrics hook) against CutoverProvider on the repository's flag files and a
// file of every operator: each answer is a value of the requested type or an
// OpenFeature error, the provider throws nothing else, no evaluation takes
// long, and no built-in prototype changes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CutoverProvider } from '@cutover/provider';
import { MetricsHook } from '@cutover/hooks';
import { ErrorCode, OpenFeature, OpenFeatureError } from '@openfeature/server-sdk';
import type { Client, EvaluationContext, EvaluationDetails, FlagValue, Logger } from '@openfeature/server-sdk';
import fc from 'fast-check';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagFiles } from '../../examples/flag-files.js';
import { fuzzParameters } from '../support/fuzz/fuzz-parameters.js';
import { jsonContext, programmaticContext } from '../support/fuzz/hostile-contexts.js';
import { OPERATOR_FLAGS } from '../support/fuzz/operator-flags.js';
import { inheritedPollution, prototypeSnapshot } from '../support/fuzz/prototype-snapshot.js';
import { VerdictTally } from '../support/fuzz/verdict-tally.js';

const RUNS = 100;
// Linear work on a 100 000-item context array takes a few hundred milliseconds on a busy machine; a hang takes for ever.
const SLOW_MS = 2_000;
const TYPES = ['boolean', 'string', 'number', 'object'] as const;
const DEFAULTS = { boolean: false, string: 'default', number: -1, object: { default: true } } as const;
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

const silent: Logger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };
let dir: string;
let provider: CutoverProvider;
let client: Client;
let flagKeys: string[];
const answers = new VerdictTally();
let evaluations = 0;
let slowest = 0;
const generalErrors = new Set<string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutover-context-fuzz-'));
  const operators = join(dir, 'operators.flagd.json');
  await writeFile(operators, OPERATOR_FLAGS);
  provider = new CutoverProvider({ files: [...flagFiles(), operators], rollbackOverlay: false, watch: false, env: {}, logger: silent });
  OpenFeature.setLogger(silent);
  await OpenFeature.setProviderAndWait('context-fuzz', provider);
  client = OpenFeature.getClient('context-fuzz').addHooks(new MetricsHook({ registry: new Registry() }));
  flagKeys = [...(await provider.snapshot()).map((entry) => entry.flagKey), 'no.such.flag'];
});

afterAll(async () => {
  await OpenFeature.close();
  await rm(dir, { recursive: true, force: true });
  console.log(`context fuzzing: ${2 * RUNS} contexts, ${evaluations} evaluations through the client and ${evaluations} straight to the provider; answers: ${answers}; slowest ${Math.round(slowest)} ms; rules that failed on a value (GENERAL): ${[...generalErrors].join(' | ') || 'none'}`);
});

function details(type: (typeof TYPES)[number], flagKey: string, context: EvaluationContext): Promise<EvaluationDetails<FlagValue>> {
  if (type === 'boolean') return client.getBooleanDetails(flagKey, DEFAULTS.boolean, context);
  if (type === 'string') return client.getStringDetails(flagKey, DEFAULTS.string, context);
  if (type === 'number') return client.getNumberDetails(flagKey, DEFAULTS.number, context);
  return client.getObjectDetails(flagKey, DEFAULTS.object, context);
}

/** What is wrong with evaluating every flag as every type for `context`; empty when nothing is. */
async function breaches(context: EvaluationContext): Promise<string[]> {
  const found: string[] = [];
  const before = prototypeSnapshot();
  for (const flagKey of flagKeys) {
    for (const type of TYPES) {
      const started = performance.now();
      const answer = await details(type, flagKey, context);
      try {
        await provider.evaluate(type, flagKey, DEFAULTS[type], context);
      } catch (error) {
        if (!(error instanceof OpenFeatureError)) found.push(`${flagKey} as ${type}: the provider threw ${String(error)}`);
      }
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      evaluations++;
      answers.add(answer.errorCode ?? 'value');
      if (ms > SLOW_MS) found.push(`${flagKey} as ${type} took ${Math.round(ms)} ms`);
      if (answer.errorCode !== undefined && !KNOWN_CODES.has(answer.errorCode)) found.push(`${flagKey} as ${type}: unknown error code ${answer.errorCode}`);
      // A rule that fails on a value is contained as GENERAL, an OpenFeature error; which rules do is worth knowing.
      if (answer.errorCode === ErrorCode.GENERAL) generalErrors.add(`${flagKey}: ${(answer.errorMessage ?? '').replace(/\d+/g, 'n').slice(0, 120)}`);
      const expected = type === 'object' ? 'object' : type;
      if (typeof answer.value !== expected || answer.value === null) found.push(`${flagKey} as ${type}: answered ${typeof answer.value}`);
    }
  }
  if (prototypeSnapshot() !== before) found.push('a built-in prototype changed');
  const inherited = inheritedPollution();
  if (inherited.length > 0) found.push(`every object now inherits ${inherited.join(', ')}`);
  return found;
}

describe('CutoverProvider through the OpenFeature client on hostile contexts', () => {
  it(`answers values or OpenFeature errors for ${RUNS} contexts a program builds (deep, huge, cyclic, dates, NaN)`, async () => {
    await fc.assert(
      fc.asyncProperty(programmaticContext, async ({ context }) => {
        expect(await breaches(context)).toEqual([]);
      }),
      fuzzParameters(RUNS),
    );
  }, 120_000);

  it(`answers values or OpenFeature errors for ${RUNS} contexts parsed from untrusted JSON (__proto__ keys, non-string targeting keys)`, async () => {
    await fc.assert(
      fc.asyncProperty(jsonContext, async ({ context }) => {
        expect(await breaches(context)).toEqual([]);
      }),
      fuzzParameters(RUNS),
    );
  }, 120_000);
});
