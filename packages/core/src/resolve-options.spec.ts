import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envList, envNumber } from './env-readers.js';
import { InvalidOptionError } from './invalid-option-error.js';
import { resolveOptions } from './resolve-options.js';
import type { OptionsSpec } from './resolve-options.js';

interface ExampleConfig {
  readonly port: number;
  readonly host: string;
  readonly files: readonly string[];
}

const spec: OptionsSpec<ExampleConfig> = {
  component: 'Example',
  schema: z.object({ port: z.number().int().min(1).max(65535), host: z.string().min(1), files: z.array(z.string()) }),
  defaults: { port: 8013, host: 'localhost', files: [] },
  env: { port: { variable: 'EXAMPLE_PORT', read: envNumber }, host: 'EXAMPLE_HOST', files: { variable: 'EXAMPLE_FILES', read: envList } },
};

describe(resolveOptions.name, () => {
  it('uses the defaults when nothing else is given', () => {
    expect(resolveOptions(spec, {}, {})).toEqual({ port: 8013, host: 'localhost', files: [] });
  });

  it('reads the environment over the defaults, each variable with its reader', () => {
    expect(resolveOptions(spec, {}, { EXAMPLE_PORT: '9000', EXAMPLE_HOST: 'flagd', EXAMPLE_FILES: 'a.json, b.json,' })).toEqual({
      port: 9000,
      host: 'flagd',
      files: ['a.json', 'b.json'],
    });
  });

  it('lets an option win over the environment, and treats an undefined option as not given', () => {
    expect(resolveOptions(spec, { port: 1234, host: undefined }, { EXAMPLE_PORT: '9000', EXAMPLE_HOST: 'flagd' })).toMatchObject({ port: 1234, host: 'flagd' });
  });

  it('names the option and the environment variable a bad value came from', () => {
    const error = catchError(() => resolveOptions(spec, {}, { EXAMPLE_PORT: 'eighty' }));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', component: 'Example', option: 'port', envVariable: 'EXAMPLE_PORT' });
    expect(error.message).toMatch(/^Example option "port" \(from EXAMPLE_PORT\): /);
  });

  it('names a nested option by its dotted path and no variable when the value was given in code', () => {
    const error = catchError(() => resolveOptions(spec, { files: ['ok', 7 as unknown as string] }, {}));
    expect(error).toMatchObject({ option: 'files.1', envVariable: undefined });
    expect(error.cause).toBeInstanceOf(z.ZodError);
    expect(catchError(() => resolveOptions({ ...spec, naming: 'top' }, { files: JSON.parse('["ok", 7]') as string[] }, {}))).toMatchObject({ option: 'files' });
    expect(catchError(() => resolveOptions({ ...spec, naming: 'brackets' }, { files: JSON.parse('["ok", 7]') as string[] }, {}))).toMatchObject({ option: 'files[1]' });
  });

  it('names unknown options by their keys when the schema is strict', () => {
    const strict: OptionsSpec<ExampleConfig> = { ...spec, schema: z.strictObject({ port: z.number(), host: z.string(), files: z.array(z.string()) }) };
    expect(catchError(() => resolveOptions(strict, { port: 1, ...{ prot: 1 } }, {}))).toMatchObject({ option: 'prot' });
  });

  it('leaves an option unset when its reader returns undefined, and throws the error the spec builds', () => {
    const blankIsUnset: OptionsSpec<ExampleConfig> = { ...spec, env: { host: { variable: 'EXAMPLE_HOST', read: (raw) => raw || undefined } } };
    expect(resolveOptions(blankIsUnset, {}, { EXAMPLE_HOST: '' })).toMatchObject({ host: 'localhost' });
    class ExampleOptionError extends InvalidOptionError {}
    const own: OptionsSpec<ExampleConfig> = { ...spec, error: (init) => new ExampleOptionError(init) };
    expect(catchError(() => resolveOptions(own, { port: 0.5 }, {}))).toBeInstanceOf(ExampleOptionError);
  });
});

function catchError(fn: () => unknown): InvalidOptionError {
  try {
    fn();
  } catch (error) {
    return error as InvalidOptionError;
  }
  throw new Error('expected a throw');
}

describe('resolveOptions with a schema builder', () => {
  it('builds the schema on the first resolution and reuses it for the next', () => {
    let builds = 0;
    const lazy: OptionsSpec<{ port: number }> = {
      component: 'Lazy',
      schema: (zod) => {
        builds++;
        return zod.object({ port: zod.number().int().min(1) });
      },
      defaults: { port: 8013 },
    };
    expect(builds).toBe(0);
    expect(resolveOptions(lazy, {}, {})).toEqual({ port: 8013 });
    expect(() => resolveOptions(lazy, { port: 0 }, {})).toThrow(InvalidOptionError);
    expect(builds).toBe(1);
  });
});
