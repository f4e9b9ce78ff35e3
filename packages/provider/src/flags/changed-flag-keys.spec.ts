import { describe, expect, it } from 'vitest';
import { changedFlagKeys } from './changed-flag-keys.js';
import { parseFlagFile } from './parse-flag-file.js';

const flags = (definitions: Record<string, string>) =>
  parseFlagFile(JSON.stringify({ flags: Object.fromEntries(Object.entries(definitions).map(([key, variant]) => [key, { state: 'ENABLED', variants: { a: 'a', b: 'b' }, defaultVariant: variant }])) }), 'x.flagd.json').flags;

describe(changedFlagKeys.name, () => {
  it('lists the added, removed and changed keys, sorted', () => {
    expect(changedFlagKeys(flags({ same: 'a', edited: 'a', removed: 'a' }), flags({ same: 'a', edited: 'b', added: 'a' }))).toEqual(['added', 'edited', 'removed']);
  });

  it('is empty when nothing changed', () => {
    expect(changedFlagKeys(flags({ same: 'a' }), flags({ same: 'a' }))).toEqual([]);
  });
});
