import { InvalidOptionError } from '@cutover/core';
import { describe, expect, it } from 'vitest';
import { validateDependencyChecks } from './validate-dependency-checks.js';

describe(validateDependencyChecks.name, () => {
  const check = (): undefined => undefined;

  it('accepts uniquely named checks', () => {
    expect(() => validateDependencyChecks([{ name: 'telegram', check }, { name: 'openai', check, timeoutMs: 500, critical: true }])).not.toThrow();
  });

  it('refuses a check without a name, with one of Cutover’s names, named twice, or with a bad timeout', () => {
    expect(() => validateDependencyChecks([{ name: '', check }])).toThrow(InvalidOptionError);
    expect(() => validateDependencyChecks([{ name: 'flagFiles', check }])).toThrow(/checks\[0\].*Cutover's own checks/);
    expect(() => validateDependencyChecks([{ name: 'db', check }, { name: 'db', check }])).toThrow(/checks\[1\].*another check/);
    expect(() => validateDependencyChecks([{ name: 'db', check, timeoutMs: 0 }])).toThrow(/timeoutMs must be a positive number/);
  });
});
