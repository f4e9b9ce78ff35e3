// Parity of hashed targeting: over 100 000
// generated targeting keys, an env canary (`FF_<KEY>_PERCENT=10`), a flag file's
// `fractional` 10/90 split and an independent MurmurHash3 over UTF-8 put every
// id on the same side, so an id keeps its side when a canary moves from the
// environment into a flag file, and both follow the rule the flagd server applies.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlagdCore } from '@openfeature/flagd-core';
import type { EvaluationContext, Logger } from '@openfeature/server-sdk';
import type * as MurmurHash3 from 'murmurhash3js-revisited';
import { CutoverProvider, envName, murmur3 } from '@cutover/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from './support/seeded-random.js';

// The reference is a devDependency of @cutover/provider, so resolve it from there.
const reference = createRequire(new URL('../packages/provider/package.json', import.meta.url))(
  'murmurhash3js-revisited',
) as typeof MurmurHash3;

const FLAG_KEY = 'nutribot.food-detection';
const CANARY_PERCENT = 10;
const CONTEXTS = 100_000;
const SEED = 0x5eed_2024;
const TWO_POW_32 = 2 ** 32;

const flagFile = {
  $schema: 'https://flagd.dev/schema/v0/flags.json',
  flags: {
    [FLAG_KEY]: {
      state: 'ENABLED',
      variants: { off: 'off', live: 'live' },
      defaultVariant: 'off',
      // The canary variant first: the first 10 of 100 buckets, as the env canary takes them.
      targeting: { fractional: [['live', CANARY_PERCENT], ['off', 100 - CANARY_PERCENT]] },
      metadata: { kind: 'migration', rollbackVariant: 'off' },
    },
  },
};

const encoder = new TextEncoder();

/** The flagd server's rule, computed independently: MurmurHash3 x86_32 (seed 0) over UTF-8, bucket of 100. */
function referenceHash(targetingKey: string): number {
  return reference.x86.hash32(encoder.encode(FLAG_KEY + targetingKey), 0);
}

function inCanary(hash: number): boolean {
  return Math.floor((hash * 100) / TWO_POW_32) < CANARY_PERCENT;
}

function referenceInCanary(targetingKey: string): boolean {
  return inCanary(referenceHash(targetingKey));
}

type Script = 'ascii' | 'latin1' | 'cjk' | 'emoji' | 'mixed' | 'edge';

const LATIN1_NAMES = ['jürgen', 'josé', 'françois', 'søren', 'straße', 'zoë', 'ångström', 'niño', 'ÿves', '\u00a0nbsp'];
const EDGE_KEYS = ['', ' ', '  ', '\t', '\n', '0', '-', '\u0000', '\u200b', '\ufeff', '\ud800', '\udfff', 'a\ud83d', '\ude00z'];

/** `count` distinct targeting keys of every script and UTF-8 length (1 to 4 bytes per character, every tail length of a block). */
function* generateKeys(count: number): Generator<{ script: Script; targetingKey: string }> {
  const seen = new Set<string>();
  for (const key of candidateKeys()) {
    if (seen.has(key.targetingKey)) continue;
    seen.add(key.targetingKey);
    yield key;
    if (seen.size === count) return;
  }
}

function* candidateKeys(): Generator<{ script: Script; targetingKey: string }> {
  const random = seededRandom(SEED);
  const int = (n: number) => Math.floor(random() * n);
  const ascii = () => String.fromCharCode(0x20 + int(0x5f));
  const latin1 = () => String.fromCharCode(0xa0 + int(0x60));
  const cjk = () => String.fromCharCode(0x4e00 + int(0x5200));
  const emoji = () => String.fromCodePoint(0x1f300 + int(0x700));
  const scripts = [ascii, latin1, cjk, emoji];
  const any = () => scripts[int(scripts.length)]!();
  const run = (char: () => string, length: number) => Array.from({ length }, char).join('');
  for (let i = 0; ; i++) {
    const kind = i % 6;
    if (kind === 0) yield { script: 'ascii', targetingKey: `chat-${int(1e9)}${run(ascii, int(8))}` };
    else if (kind === 1) yield { script: 'latin1', targetingKey: LATIN1_NAMES[int(LATIN1_NAMES.length)]! + run(latin1, int(6)) + String(int(1000)) };
    else if (kind === 2) yield { script: 'cjk', targetingKey: run(cjk, 1 + int(8)) };
    else if (kind === 3) yield { script: 'emoji', targetingKey: run(emoji, 1 + int(5)) + run(ascii, int(4)) };
    else if (kind === 4) yield { script: 'mixed', targetingKey: run(any, 1 + int(12)) };
    else {
      // Bare edge cases now and then; otherwise wrapped around other text, so most ids stay distinct.
      const edge = () => EDGE_KEYS[int(EDGE_KEYS.length)]!;
      yield { script: 'edge', targetingKey: int(50) === 0 ? edge() : edge() + run(any, 1 + int(4)) + edge() };
    }
  }
}

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

describe(CutoverProvider.name, () => {
  let dir: string;
  let file: string;
  let envCanary: CutoverProvider;
  let fileCanary: CutoverProvider;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-parity-'));
    file = join(dir, 'parity.flagd.json');
    await writeFile(file, JSON.stringify(flagFile, null, 2));
    const name = envName('FF_', FLAG_KEY);
    envCanary = new CutoverProvider({ files: [], watch: false, env: { [`${name}_PERCENT`]: String(CANARY_PERCENT), [name]: 'live' }, logger: silent });
    fileCanary = new CutoverProvider({ files: [file], watch: false, env: {}, logger: silent });
    await Promise.all([envCanary.initialize(), fileCanary.initialize()]);
  });

  afterAll(async () => {
    await Promise.all([envCanary?.onClose(), fileCanary?.onClose()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('hashed canary parity', () => {
    it('puts every id on the same side in the env layer, the file layer and MurmurHash3 over UTF-8', () => {
      const mismatches: string[] = [];
      const tallies = new Map<Script, { ids: Set<string>; canary: Set<string> }>();
      for (const { script, targetingKey } of generateKeys(CONTEXTS)) {
        const context: EvaluationContext = { targetingKey };
        const env = envCanary.evaluate<string>('string', FLAG_KEY, 'none', context);
        const fromFile = fileCanary.evaluate<string>('string', FLAG_KEY, 'none', context);
        if (env instanceof Promise || fromFile instanceof Promise) throw new Error('local layers resolve synchronously');
        const hash = referenceHash(targetingKey);
        const expected = inCanary(hash);
        const byEnv = env.value === 'live' && env.reason === 'SPLIT' && env.flagMetadata?.source === 'env';
        const byFile = fromFile.value === 'live' && fromFile.variant === 'live';
        // The file layer answers every id (with its split); the env layer only its canary.
        const fileAnswered = fromFile.reason === 'SPLIT' && fromFile.flagMetadata?.source === 'file';
        const ownHash = murmur3(FLAG_KEY + targetingKey);
        if (byEnv !== expected || byFile !== expected || !fileAnswered || ownHash !== hash) {
          mismatches.push(`${JSON.stringify(targetingKey)}: reference ${expected} (hash ${hash}), env ${byEnv}, file ${byFile} (${fromFile.reason}), murmur3 ${ownHash}`);
        }
        const tally = tallies.get(script) ?? { ids: new Set(), canary: new Set() };
        tally.ids.add(targetingKey);
        if (expected) tally.canary.add(targetingKey);
        tallies.set(script, tally);
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      expect(mismatches).toHaveLength(0);
      // Not vacuous: every script has ids on both sides, and about 10 % of the (distinct) ids are in the canary.
      let ids = 0;
      let canary = 0;
      for (const [script, tally] of tallies) {
        expect(tally.canary.size, script).toBeGreaterThan(0);
        expect(tally.canary.size, script).toBeLessThan(tally.ids.size);
        ids += tally.ids.size;
        canary += tally.canary.size;
      }
      expect(ids).toBe(CONTEXTS);
      expect(canary / ids).toBeGreaterThan(0.09);
      expect(canary / ids).toBeLessThan(0.11);
    });
  });

  describe(`${FlagdCore.name} (the known divergence Cutover fixes)`, () => {
    const core = new FlagdCore(undefined, silent);
    core.setConfigurations(JSON.stringify(flagFile));
    const coreInCanary = (targetingKey: string) => core.resolveStringEvaluation(FLAG_KEY, 'none', { targetingKey }, silent).value === 'live';

    it('agrees with the reference on ASCII keys', () => {
      const keys = [...generateKeys(6_000)].filter((k) => k.script === 'ascii').map((k) => k.targetingKey);
      expect(keys.length).toBeGreaterThan(900);
      const disagreements = keys.filter((key) => coreInCanary(key) !== referenceInCanary(key));
      expect(disagreements).toEqual([]);
    });

    it('disagrees with the reference on non-ASCII keys, because it hashes UTF-16 code units', () => {
      const keys = ['jürgen', 'josé', 'françois', 'søren', 'straße', 'zoë', '山田太郎', '用户-42', '🦊', 'chat-🚀-7', ...LATIN1_NAMES.map((name) => `${name}-1`)];
      const disagreements = keys.filter((key) => coreInCanary(key) !== referenceInCanary(key));
      expect(disagreements.length).toBeGreaterThan(0);
      // Cutover agrees on the very keys flagd-core gets wrong.
      for (const key of disagreements) {
        const answer = fileCanary.evaluate<string>('string', FLAG_KEY, 'none', { targetingKey: key });
        expect(answer instanceof Promise ? undefined : answer.value === 'live', key).toBe(referenceInCanary(key));
      }
    });
  });
});
