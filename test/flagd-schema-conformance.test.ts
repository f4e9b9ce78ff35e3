// The schemas Cutover judges flag files by (flagd-schemas as the Java
// provider ships them on Maven Central, plus Cutover's documented extension)
// hold every generated file to the same verdict as the current official
// release, read from ../shared/flagd-schemas beside the repository.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlagdSchema } from '../packages/provider/src/flags/flagd-schema.js';
import { flagFileArbitrary } from './support/flag-file-arbitrary.js';
import { sharedDir } from './support/shared-dir.js';

const OFFICIAL = join(sharedDir('flagd-schemas/flagd.json'), 'flagd-schemas');
const readOfficial = (name: string) => JSON.parse(readFileSync(join(OFFICIAL, name), 'utf8')) as Record<string, unknown>;

/** flagd.json (flags by key or as an array, what flagd reads) as flagd compiles it. */
function officialValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(readOfficial('targeting.json'));
  ajv.addSchema(readOfficial('flags.json'));
  return ajv.compile(readOfficial('flagd.json'));
}

describe('flagd schema judgement', () => {
  const official = officialValidator();

  it('accepts and refuses exactly the generated files the current official schemas do', () => {
    let valid = 0;
    fc.assert(
      fc.property(flagFileArbitrary, (document) => {
        const conforms = official(document);
        if (conforms) valid++;
        expect(checkFlagdSchema(document).length === 0).toBe(conforms);
      }),
      { numRuns: 3000, seed: 20260331 },
    );
    // The generator must reach both verdicts often enough for the property to mean something.
    expect(valid).toBeGreaterThan(250);
    expect(valid).toBeLessThan(2700);
  });

  it('agrees on the files of each change the extension carries', () => {
    const flag = (targeting: unknown) => ({ flags: { f: { state: 'ENABLED', variants: { a: 'a', b: 'b' }, defaultVariant: 'a', targeting } } });
    const cases = [
      flag({ fractional: [[{ if: [{ var: 'vip' }, 'a', 'b'] }, 50], ['b', 50]] }),
      flag({ fractional: [['a', { if: [{ var: 'vip' }, 100, 0] }], ['b', 10]] }),
      flag({ fractional: [['a', 1]] }),
      flag({ fractional: [{ var: 'targetingKey' }, ['a', 1]] }),
      flag({ fractional: [['a', -1], ['b', 1]] }),
      flag({ fractional: [['a', 1.5], ['b', 1]] }),
      { flags: { f: { state: 'ENABLED', variants: { a: true } } } },
      { flags: { f: { state: 'ENABLED', variants: { a: true }, defaultVariant: null } } },
      { flags: [{ key: 'f', state: 'ENABLED', variants: { a: true } }] },
      { flags: [{ state: 'ENABLED', variants: { a: true } }] },
    ];
    for (const document of cases) expect(checkFlagdSchema(document).length === 0, JSON.stringify(document)).toBe(official(document));
  });
});
