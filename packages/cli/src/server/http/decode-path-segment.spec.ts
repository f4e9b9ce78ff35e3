import { describe, expect, it } from 'vitest';
import { decodePathSegment } from './decode-path-segment.js';
import { HttpError } from './http-error.js';

describe(decodePathSegment.name, () => {
  it('decodes percent escapes, UTF-8 included', () => {
    expect(decodePathSegment('nutribot.food%2Ddetection')).toBe('nutribot.food-detection');
    expect(decodePathSegment('j%C3%BCrgen')).toBe('jürgen');
  });

  it('refuses a malformed escape with a 400 that names the segment', () => {
    for (const segment of ['%', 'search%zz', '%E0%A4%A', '%C3']) {
      expect(() => decodePathSegment(segment)).toThrow(HttpError);
      expect(() => decodePathSegment(segment)).toThrow(
        expect.objectContaining({ status: 400, code: 'INVALID_URL', message: `the path segment "${segment}" has a malformed percent escape` }),
      );
    }
  });
});
