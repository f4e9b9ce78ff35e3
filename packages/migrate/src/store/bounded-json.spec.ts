import { describe, expect, it } from 'vitest';
import { boundedJson, isTruncated } from './bounded-json.js';

describe(boundedJson.name, () => {
  it('keeps a value whose JSON fits', () => {
    const value = { a: 1 };
    expect(boundedJson(value, 100)).toBe(value);
  });

  it('replaces a value whose JSON is too large by a marked preview', () => {
    const cut = boundedJson({ text: 'é'.repeat(1000) }, 256);
    expect(isTruncated(cut)).toBe(true);
    expect(cut).toMatchObject({ bytes: 2011 });
  });

  it('never throws on a value JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isTruncated(boundedJson(cyclic, 1000))).toBe(true);
    expect(isTruncated(boundedJson(10n, 1000))).toBe(true);
  });

  it('cuts a value far beyond the bound without serialising it in full', () => {
    let touched = 0;
    const rows = Array.from({ length: 1_000_000 }, (_, i) => ({ toJSON: () => (touched++, i) }));
    expect(boundedJson(rows, 1024)).toMatchObject({ $truncated: true });
    expect(touched).toBeLessThan(100_000);
  });
});
