import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from './invalid-option-error.js';
import { resolveOptions } from './resolve-options.js';

interface Config {
  readonly limit: number;
  readonly nested: { readonly on: boolean };
}

const schema = z.strictObject({ limit: z.number().min(1), nested: z.object({ on: z.boolean() }) });
const defaults: Config = { limit: 3, nested: { on: true } };

describe(resolveOptions.name, () => {
  it('returns the defaults without options and lets given options win', () => {
    expect(resolveOptions(schema, defaults, undefined)).toEqual(defaults);
    expect(resolveOptions(schema, defaults, { limit: 5, nested: undefined })).toEqual({ limit: 5, nested: { on: true } });
  });

  it('throws an InvalidOptionError with a stable code naming the bad option', () => {
    const bad = () => resolveOptions(schema, defaults, { nested: JSON.parse('{"on":"yes"}') as Config['nested'] });
    expect(bad).toThrow(InvalidOptionError);
    expect(bad).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', option: 'nested.on' }));
  });

  it('names an unknown option', () => {
    expect(() => resolveOptions(schema, defaults, { limits: 1 } as Partial<Config>)).toThrow(/"limits"/);
  });
});
