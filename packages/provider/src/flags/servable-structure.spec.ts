import { describe, expect, it } from 'vitest';
import { checkServable } from './servable-structure.js';

describe('checkServable', () => {
  it('accepts what flagd decodes: flags by key or as an array, nulls where flagd allows them', () => {
    expect(checkServable({ flags: { a: { state: 'ENABLED', defaultVariant: null, variants: { on: true }, metadata: null } } })).toBeUndefined();
    expect(checkServable({ flags: [{ key: 'a', state: 'ENABLED', variants: { on: true } }], metadata: {}, $evaluators: null })).toBeUndefined();
    expect(checkServable({ flags: null })).toBeUndefined();
  });

  it('names the first field of the wrong JSON type, with its path', () => {
    expect(checkServable([])).toMatchObject({ jsonPath: '', reason: expect.stringMatching(/^flagd cannot load this file: expected an object, received an array/) });
    expect(checkServable({ flags: 'a' })?.jsonPath).toBe('/flags');
    expect(checkServable({ flags: {}, metadata: [] })?.jsonPath).toBe('/metadata');
    expect(checkServable({ flags: { a: 3 } })?.jsonPath).toBe('/flags/a');
    expect(checkServable({ flags: { a: { state: 1 } } })).toMatchObject({ jsonPath: '/flags/a/state', reason: expect.stringContaining('expected a string, received a number') });
    expect(checkServable({ flags: [{ key: 'a', defaultVariant: true }] })?.jsonPath).toBe('/flags/0/defaultVariant');
    expect(checkServable({ flags: { 'a/b': { variants: [] } } })?.jsonPath).toBe('/flags/a~1b/variants');
  });

  it('refuses an empty shared evaluator, which flagd cannot substitute', () => {
    expect(checkServable({ flags: {}, $evaluators: { empty: {} } })?.jsonPath).toBe('/$evaluators/empty');
  });
});
