/** One flag of a flag file, in either of the forms flagd reads. */
export interface FlagEntry {
  /** The flag's key: its property name, or `key` in the array form (`""` when absent, as flagd reads it). */
  readonly key: string;
  /** The flag object as written (in the array form, `key` included). */
  readonly definition: unknown;
  /** Where the flag sits in the document: `['flags', key]`, or `['flags', index]` in the array form. */
  readonly path: readonly (string | number)[];
  /** Whether the flag comes from the array form, which names its key inside the flag. */
  readonly keyed: boolean;
}

/**
 * The flags of a parsed flag file: `"flags": { "key": {...} }` (flags.json) or
 * `"flags": [{ "key": "...", ... }]` (flagd.json, which flagd also reads), in
 * file order. Anything else lists no flags.
 */
export function flagEntries(document: unknown): FlagEntry[] {
  const flags = (document as { flags?: unknown } | null)?.flags;
  if (Array.isArray(flags)) {
    return flags.map((definition: unknown, i) => {
      const key = (definition as { key?: unknown } | null)?.key;
      return { key: typeof key === 'string' ? key : '', definition, path: ['flags', i], keyed: true };
    });
  }
  if (flags === null || typeof flags !== 'object') return [];
  return Object.entries(flags).map(([key, definition]) => ({ key, definition, path: ['flags', key], keyed: false }));
}
