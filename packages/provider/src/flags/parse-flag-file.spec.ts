import { describe, expect, it } from 'vitest';
import { FlagFileError } from './flag-file-error.js';
import { FLAG_FILE_LIMITS } from './flag-file-limits.js';
import { parseFlagFile } from './parse-flag-file.js';
import type { ParseFlagFileOptions } from './parse-flag-file.js';

const migration = (overrides: Record<string, unknown> = {}) => ({
  state: 'ENABLED',
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  defaultVariant: 'off',
  metadata: { kind: 'migration', rollbackVariant: 'off' },
  ...overrides,
});
const file = (flags: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ flags, ...extra }, null, 2);

function problem(text: string, options: ParseFlagFileOptions = {}): FlagFileError {
  try {
    parseFlagFile(text, 'flags/x.flagd.json', options);
  } catch (error) {
    if (error instanceof FlagFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe(parseFlagFile.name, () => {
  it('gives flags with the same targeting one shared rule, which still answers for each flag by its own key', () => {
    const split = { fractional: [['live', 50], ['off', 50]] };
    const set = parseFlagFile(file(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, migration({ targeting: split })]))), 'f.json');
    const values = new Set([...set.flags.values()].map((flag) => flag.evaluate({ targetingKey: 'user-1' }).value));
    expect(values).toEqual(new Set(['live', 'off']));
  });

  it('compiles every flag of a valid file with its flag-set metadata', () => {
    const set = parseFlagFile(file({ a: migration() }, { metadata: { flagSetId: 'set-1' } }), 'f.json');
    expect([...set.flags.keys()]).toEqual(['a']);
    expect(set.flags.get('a')!.metadata).toMatchObject({ flagSetId: 'set-1', kind: 'migration', source: 'file' });
  });

  it('accepts a null defaultVariant, which flagd serves as the code default', () => {
    const set = parseFlagFile(file({ a: { state: 'ENABLED', variants: { on: true }, defaultVariant: null } }), 'f.json');
    expect(set.flags.get('a')!.defaultVariant).toBeNull();
  });

  it('rejects invalid JSON with the line and column of the mistake', () => {
    const error = problem('{\n  "flags": {\n    "a": { "state": "ENABLED", }\n  }\n}');
    expect(error.file).toBe('flags/x.flagd.json');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/invalid JSON/);
    expect(error.message).toMatch(/^flags\/x\.flagd\.json:3:\d+/);
  });

  it('rejects a flagd schema violation with the JSON path of the offending value in strict mode', () => {
    const error = problem(file({ a: migration({ state: 'ON' }) }), { strict: true });
    expect(error.jsonPath).toBe('/flags/a/state');
    expect(error.reason).toMatch(/flagd schema/);
    expect(error.line).toBe(4);
  });

  it('rejects a defaultVariant that names no variant', () => {
    const error = problem(file({ a: migration({ defaultVariant: 'ghost' }) }));
    expect(error.jsonPath).toBe('/flags/a/defaultVariant');
    expect(error.reason).toMatch(/"ghost"/);
  });

  it('rejects a targeting rule that returns an unknown variant, with its path', () => {
    const error = problem(file({ a: migration({ targeting: { if: [{ '==': [{ var: 'x' }, 1] }, 'live', 'ghost'] } }) }));
    expect(error.jsonPath).toBe('/flags/a/targeting/if/2');
    const inSplit = problem(file({ a: migration({ targeting: { fractional: [['live', 50], ['gone', 50]] } }) }));
    expect(inSplit.jsonPath).toBe('/flags/a/targeting/fractional/1/0');
  });

  it('keeps apart two rules JSON.stringify would write alike (1e999 reads as Infinity, which it writes as null)', () => {
    const flag = (operand: string) => `{ "state": "ENABLED", "variants": { "off": "off", "live": "live" }, "defaultVariant": "off", "targeting": { "if": [{ "==": [{ "var": "limit" }, ${operand}] }, "live", "off"] } }`;
    const text = `{ "flags": { "infinite": ${flag('1e999')}, "unset": ${flag('null')} } }`;
    for (const schemaWarnings of [true, false]) {
      const set = parseFlagFile(text, 'f.json', { schemaWarnings });
      expect(set.flags.get('unset')!.evaluate({ limit: null }).value).toBe('live');
      expect(set.flags.get('infinite')!.evaluate({ limit: null }).value).toBe('off');
      // Evaluated in the other order, each still answers for its own rule.
      const again = parseFlagFile(text, 'f.json', { schemaWarnings });
      expect(again.flags.get('infinite')!.evaluate({ limit: null }).value).toBe('off');
      expect(again.flags.get('unset')!.evaluate({ limit: null }).value).toBe('live');
    }
  });

  it('resolves $ref to shared evaluators and rejects an unknown one', () => {
    const ok = parseFlagFile(
      file({ a: migration({ targeting: { if: [{ $ref: 'beta' }, 'live', null] } }) }, { $evaluators: { beta: { starts_with: [{ var: 'id' }, 'beta-'] } } }),
      'f.json',
    );
    expect(ok.flags.get('a')!.evaluate({ id: 'beta-1' }).value).toBe('live');
    const error = problem(file({ a: migration({ targeting: { if: [{ $ref: 'nope' }, 'live', null] } }) }, { $evaluators: {} }), { strict: true });
    expect(error.jsonPath).toBe('/flags/a/targeting/if/0/$ref');
  });

  it('holds migration flags to the stage vocabulary and a valid rollbackVariant', () => {
    const badStage = problem(file({ a: migration({ variants: { off: 'off', on: 'enabled' } }) }));
    expect(badStage.jsonPath).toBe('/flags/a/variants/on');
    expect(badStage.reason).toMatch(/migration stage/);
    const badRollback = problem(file({ a: migration({ metadata: { kind: 'migration', rollbackVariant: 'gone' } }) }));
    expect(badRollback.jsonPath).toBe('/flags/a/metadata/rollbackVariant');
    const missing = problem(file({ a: migration({ metadata: { kind: 'migration' } }) }));
    expect(missing.jsonPath).toBe('/flags/a/metadata/rollbackVariant');
  });

  it('rejects reading $flagd properties other than flagKey and timestamp in strict mode', () => {
    const error = problem(file({ a: migration({ targeting: { if: [{ var: '$flagd.secret' }, 'live', null] } }) }), { strict: true });
    expect(error.jsonPath).toMatch(/^\/flags\/a\/targeting/);
  });

  describe('what flagd serves despite its schemas', () => {
    it('serves a flag that deviates from the schema, with a warning naming file, path and line', () => {
      const set = parseFlagFile(file({ a: migration({ state: 'ON' }), b: migration() }), 'flags/x.flagd.json');
      expect([...set.flags.keys()]).toEqual(['a', 'b']);
      expect(set.warnings).toEqual([expect.objectContaining({ file: 'flags/x.flagd.json', jsonPath: '/flags/a/state', line: 4, reason: expect.stringMatching(/flagd schema/) })]);
      expect(set.flags.get('a')!.evaluate({})).toMatchObject({ value: 'off', reason: 'STATIC' });
    });

    it('answers PARSE_ERROR for a flag whose $ref names no evaluator, and serves the others', () => {
      const set = parseFlagFile(file({ a: migration({ targeting: { if: [{ $ref: 'nope' }, 'live', null] } }), b: migration() }, { $evaluators: {} }), 'f.json');
      expect(set.warnings.map((w) => w.jsonPath)).toEqual(['/flags/a/targeting/if/0/$ref']);
      expect(set.flags.get('a')!.evaluate({})).toMatchObject({ reason: 'ERROR', errorCode: 'PARSE_ERROR' });
      expect(set.flags.get('b')!.evaluate({})).toMatchObject({ value: 'off' });
      expect(set.flags.get('a')!.evaluate({})).toBe(set.flags.get('a')!.evaluate({ other: 1 }));
    });

    it('serves a rule whose operator exists but whose arguments the engine refuses with a schema warning, and answers an error for that flag when it runs', () => {
      const set = parseFlagFile(file({ a: migration({ targeting: { if: [{ '==': [1] }, 'live', null] } }), b: migration() }), 'f.json');
      expect(set.warnings[0]).toMatchObject({ jsonPath: expect.stringMatching(/^\/flags\/a\/targeting/), reason: expect.stringMatching(/^flagd schema: /) });
      expect(set.flags.get('a')!.evaluate({})).toMatchObject({ reason: 'ERROR', errorCode: 'GENERAL', errorMessage: expect.stringContaining('does not compile') });
      expect(set.flags.get('b')!.evaluate({}).value).toBe('off');
    });

    it('leaves the schema out when asked for errors only, and still rejects what flagd cannot serve', () => {
      expect(parseFlagFile(file({ a: migration({ state: 'ON' }) }), 'f.json', { schemaWarnings: false }).warnings).toEqual([]);
      expect(problem(file({ a: migration({ state: 'ON' }) }), { schemaWarnings: false, strict: true }).jsonPath).toBe('/flags/a/state');
      expect(problem(file({ a: migration({ defaultVariant: 'ghost' }) }), { schemaWarnings: false }).jsonPath).toBe('/flags/a/defaultVariant');
    });

    it('reads a $flagd property flagd does not set as null, with a warning', () => {
      const set = parseFlagFile(file({ a: migration({ targeting: { if: [{ '==': [{ var: '$flagd.secret' }, null] }, 'live', null] } }) }), 'f.json');
      expect(set.warnings.map((w) => w.reason)).toContainEqual(expect.stringMatching(/"\$flagd\.secret" is not a flagd property/));
      expect(set.flags.get('a')!.evaluate({}).value).toBe('live');
    });

    it('reads the flags array of flagd.json, keyed by `key`, with paths into the array', () => {
      const text = JSON.stringify({ flags: [{ key: 'a', ...migration() }, { key: 'b', ...migration({ defaultVariant: 'ghost' }) }] });
      expect(problem(text).jsonPath).toBe('/flags/1/defaultVariant');
      const set = parseFlagFile(JSON.stringify({ flags: [{ key: 'a', ...migration() }] }), 'f.json');
      expect(set.warnings).toEqual([]);
      expect(set.flags.get('a')!.definition).not.toHaveProperty('key');
      expect(set.flags.get('a')!.evaluate({}).value).toBe('off');
    });

    it('merges flag-set metadata under the flag\'s, keeping flagSetId and version for telemetry', () => {
      const set = parseFlagFile(file({ a: migration({ metadata: { kind: 'migration', rollbackVariant: 'off', version: '7' } }) }, { metadata: { flagSetId: 'checkout', version: '3', team: 'pay' } }), 'f.json');
      expect(set.flags.get('a')!.evaluate({}).flagMetadata).toEqual({ flagSetId: 'checkout', version: '7', team: 'pay', kind: 'migration', rollbackVariant: 'off', source: 'file' });
    });

    it('still rejects what flagd itself cannot load', () => {
      expect(problem(file({ a: migration({ variants: ['off'] }) })).jsonPath).toBe('/flags/a/variants');
      expect(problem(file({ a: migration({ defaultVariant: 3 }) })).reason).toMatch(/flagd cannot load/);
      expect(problem(JSON.stringify({ flag: {} })).jsonPath).toBe('/flags');
      expect(problem(file({ a: migration() }, { $evaluators: { empty: {} } })).jsonPath).toBe('/$evaluators/empty');
    });
  });

  describe('bounds', () => {
    /** `count` evaluators, each an `or` of two references to the one before. */
    const doubling = (count: number) => {
      const $evaluators: Record<string, unknown> = { e0: { '==': [{ var: 'tier' }, 'gold'] } };
      for (let i = 1; i <= count; i++) $evaluators[`e${i}`] = { or: [{ $ref: `e${i - 1}` }, { $ref: `e${i - 1}` }] };
      return file({ a: migration({ targeting: { if: [{ $ref: `e${count}` }, 'live', null] } }) }, { $evaluators });
    };

    it('rejects $refs that would copy more than maxReferencedNodes, at the $ref, in milliseconds', () => {
      const started = performance.now();
      const error = problem(doubling(64));
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(error.jsonPath).toBe('/flags/a/targeting/if/0/$ref');
      expect(error.line).toBeGreaterThan(1);
      expect(error.reason).toMatch(/"\$ref"s would copy .* nodes of "\$evaluators" into this rule \(at most 100 000\), "e64" alone/);
      expect(problem(doubling(20)).jsonPath).toBe('/flags/a/targeting/if/0/$ref');
    });

    it('judges a rule with thousands of arguments of the wrong type in milliseconds, with a warning', () => {
      const started = performance.now();
      const set = parseFlagFile(file({ a: migration({ targeting: { if: [{ ends_with: Array.from({ length: 4_000 }, (_, i) => i) }, 'live', null] } }) }), 'f.json');
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(set.warnings[0]).toMatchObject({ jsonPath: expect.stringMatching(/^\/flags\/a\/targeting\/if\/0/), reason: expect.stringMatching(/^flagd schema: /) });
    });

    it('rejects an operator named after a member of Object.prototype, which would compile into a rule answering a promise', () => {
      for (const operator of ['toString', 'hasOwnProperty', 'constructor', '__defineGetter__']) {
        const error = problem(file({ a: migration({ targeting: { if: [{ [operator]: [1, 2] }, 'live', null] } }) }));
        expect(error.jsonPath).toBe('/flags/a/targeting');
        expect(error.reason).toBe(`targeting does not compile: unknown operator "${operator}"`);
      }
    });

    it('accepts shared evaluators that stay within the bound, and evaluates them', () => {
      const set = parseFlagFile(doubling(10), 'f.json');
      expect(set.flags.get('a')!.evaluate({ tier: 'gold' }).value).toBe('live');
    });

    it(`rejects nesting deeper than ${FLAG_FILE_LIMITS.maxNestingDepth} levels with its location, whatever the depth`, () => {
      for (const depth of [FLAG_FILE_LIMITS.maxNestingDepth + 1, 1_001, 100_000]) {
        const text = file({ a: migration({ targeting: { if: [true, 'live', null] } }) }).replace('true', `${'['.repeat(depth)}1${']'.repeat(depth)}`);
        const error = problem(text);
        expect(error.reason).toBe(`nested deeper than ${FLAG_FILE_LIMITS.maxNestingDepth} levels of arrays and objects`);
        expect(error.jsonPath).toMatch(/^\/flags\/a\/targeting\/if\/0(\/0)+$/);
        expect(error.line).toBe(text.slice(0, text.indexOf('[[')).split('\n').length);
      }
      expect(parseFlagFile(file({ a: migration({ targeting: { if: [{ '!': [{ '!': [{ var: 'x' }] }] }, 'live', null] } }) }), 'f.json').flags.size).toBe(1);
    });
  });
});
