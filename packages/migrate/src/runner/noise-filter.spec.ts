import { describe, expect, it } from 'vitest';
import { NoiseFilter } from './noise-filter.js';

const at = (path: string) => ({ path, legacy: 1, candidate: 2 });

describe(NoiseFilter.name, () => {
  it('treats a learned path and everything under it as noise', () => {
    const filter = new NoiseFilter();
    filter.learn([at('$.meta')]);
    const { kept, noisy } = filter.split([at('$.meta'), at('$.meta.at'), at('$.meta[0]'), at('$.metadata'), at('$.total')]);
    expect(noisy).toEqual(['$.meta', '$.meta.at', '$.meta[0]']);
    expect(kept.map((d) => d.path)).toEqual(['$.metadata', '$.total']);
  });

  it('keeps everything until it has learned something', () => {
    expect(new NoiseFilter().split([at('$.a')]).kept).toHaveLength(1);
  });
});
