import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidOptionError } from './migration-error.js';
import { parseOptions } from './parse-options.js';

const schema = z.strictObject({ size: z.number().int().positive(), name: z.string() });
const defaults = { size: 1, name: 'a' };

describe(parseOptions.name, () => {
  it('takes the defaults, then the options that are defined', () => {
    expect(parseOptions(schema, defaults, { size: 5, name: undefined }, 'thing')).toEqual({ size: 5, name: 'a' });
  });

  it('names the owner and the bad option', () => {
    expect(() => parseOptions(schema, defaults, { size: 0 }, 'thing')).toThrow(InvalidOptionError);
    expect(() => parseOptions(schema, defaults, { size: 0 }, 'thing')).toThrow(/^invalid thing option "size"/);
  });
});
