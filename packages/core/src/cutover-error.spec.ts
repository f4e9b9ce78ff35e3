import { describe, expect, it } from 'vitest';
import { CutoverError } from './cutover-error.js';
import { InvalidOptionError } from './invalid-option-error.js';

describe(CutoverError.name, () => {
  it('carries a code and a cause, and subclasses name themselves', () => {
    const cause = new Error('disk full');
    const error = new CutoverError('WRITE_FAILED', 'could not write', { cause });
    expect(error).toMatchObject({ code: 'WRITE_FAILED', cause, name: 'CutoverError' });
    expect(new InvalidOptionError({ component: 'X', option: 'y', reason: 'bad' }).name).toBe('InvalidOptionError');
  });
});
