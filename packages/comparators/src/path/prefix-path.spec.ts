import { describe, expect, it } from 'vitest';
import { prefixPath } from './prefix-path.js';

describe(prefixPath.name, () => {
  it('places an inner path under the prefix', () => {
    expect(prefixPath('$.food', '$.items[2]')).toBe('$.food.items[2]');
    expect(prefixPath('$.food', '$[0]')).toBe('$.food[0]');
    expect(prefixPath('$.food', '$')).toBe('$.food');
  });

  it('leaves a path alone under the root', () => {
    expect(prefixPath('$', '$.a')).toBe('$.a');
  });
});
