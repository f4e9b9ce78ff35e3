const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Mixes one 32-bit little-endian block into the running hash. */
function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * MurmurHash3 x86 32-bit, seed 0, over the UTF-8 bytes of `input`: the hash the
 * flagd server (Go, which hashes a string's bytes) uses for `fractional`.
 *
 * Written by hand because the npm implementations either hash UTF-16 code units
 * (imurmurhash, used by flagd-core, which is why it disagrees with the server on
 * "jürgen") or need an encoded byte copy of the string first; this encodes and
 * hashes in one pass with no allocation, on the hot path of every split.
 * Lone surrogates encode as U+FFFD, as TextEncoder and Go's JSON decoder do.
 */
export function murmur3(input: string): number {
  let h = 0;
  let k = 0;
  let n = 0;
  const length = input.length;
  for (let i = 0; i < length; i++) {
    let cp = input.charCodeAt(i);
    if (cp < 0x80) {
      k |= cp << ((n & 3) << 3);
      if ((++n & 3) === 0) {
        h = mixBlock(h, k);
        k = 0;
      }
      continue;
    }
    let packed: number;
    let count: number;
    if (cp < 0x800) {
      packed = (0xc0 | (cp >> 6)) | ((0x80 | (cp & 0x3f)) << 8);
      count = 2;
    } else {
      const next = i + 1 < length ? input.charCodeAt(i + 1) : 0;
      if (cp >= 0xd800 && cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
        packed =
          (0xf0 | (cp >> 18)) |
          ((0x80 | ((cp >> 12) & 0x3f)) << 8) |
          ((0x80 | ((cp >> 6) & 0x3f)) << 16) |
          ((0x80 | (cp & 0x3f)) << 24);
        count = 4;
      } else {
        if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
        packed = (0xe0 | (cp >> 12)) | ((0x80 | ((cp >> 6) & 0x3f)) << 8) | ((0x80 | (cp & 0x3f)) << 16);
        count = 3;
      }
    }
    for (let j = 0; j < count; j++) {
      k |= ((packed >>> (j << 3)) & 0xff) << ((n & 3) << 3);
      if ((++n & 3) === 0) {
        h = mixBlock(h, k);
        k = 0;
      }
    }
  }
  if ((n & 3) !== 0) {
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
