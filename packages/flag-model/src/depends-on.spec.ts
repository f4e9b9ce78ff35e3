import { describe, expect, it } from 'vitest';
import { dependenciesOf, DEPENDS_ON_FORMAT, holdsBackDependents } from './depends-on.js';

describe(dependenciesOf.name, () => {
  it('splits metadata.dependsOn on commas and trims the keys', () => {
    expect(dependenciesOf({ metadata: { dependsOn: ' a.b , c ' } })).toEqual(['a.b', 'c']);
    expect(dependenciesOf({ metadata: {} })).toEqual([]);
  });

  it('reads the form DEPENDS_ON_FORMAT accepts', () => {
    expect(DEPENDS_ON_FORMAT.test('a.b, c')).toBe(true);
    expect(DEPENDS_ON_FORMAT.test('a,,b')).toBe(false);
  });
});

describe(holdsBackDependents.name, () => {
  it('holds back while the dependency serves off or false', () => {
    expect(holdsBackDependents('off')).toBe(true);
    expect(holdsBackDependents(false)).toBe(true);
    expect(holdsBackDependents('shadow')).toBe(false);
    expect(holdsBackDependents(true)).toBe(false);
  });
});
