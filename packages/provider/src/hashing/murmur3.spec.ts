import { describe, expect, it } from 'vitest';
import { murmur3 } from './murmur3.js';

/** Reference: the textbook algorithm over an explicit byte array. */
function referenceMurmur3(bytes: Uint8Array): number {
  let h = 0;
  const blocks = bytes.length >> 2;
  for (let i = 0; i < blocks; i++) {
    let k = bytes[i * 4]! | (bytes[i * 4 + 1]! << 8) | (bytes[i * 4 + 2]! << 16) | (bytes[i * 4 + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = blocks * 4;
  switch (bytes.length & 3) {
    case 3:
      k ^= bytes[tail + 2]! << 16;
    // falls through
    case 2:
      k ^= bytes[tail + 1]! << 8;
    // falls through
    case 1:
      k ^= bytes[tail]!;
      k = Math.imul(k, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, 0x1b873593);
      h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const utf8 = new TextEncoder();

describe(murmur3.name, () => {
  it('matches the published MurmurHash3 x86_32 vectors for seed 0', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('hello')).toBe(0x248bfa47);
    expect(murmur3('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
  });

  it('hashes the UTF-8 bytes of non-ASCII keys, not their UTF-16 code units', () => {
    for (const key of ['jürgen', 'flagjürgen', 'Zoë', '東京', 'chat-🍕', 'ñandú-42', '\u00e9\u0301']) {
      expect(murmur3(key), key).toBe(referenceMurmur3(utf8.encode(key)));
    }
  });

  it('encodes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    for (const key of ['a\ud800b', '\udc00', 'x\ud83d']) {
      expect(murmur3(key), JSON.stringify(key)).toBe(referenceMurmur3(utf8.encode(key)));
    }
  });

  it('agrees with the byte reference on every length of mixed text', () => {
    const alphabet = ['a', 'Z', '0', 'é', 'ß', '€', '中', '🍕', '-'];
    for (let length = 0; length < 40; length++) {
      const key = Array.from({ length }, (_, i) => alphabet[(i * 7 + length) % alphabet.length]).join('');
      expect(murmur3(key), key).toBe(referenceMurmur3(utf8.encode(key)));
    }
  });
});
