/**
 * `JSON.stringify` of the objects of one parsed file, each computed once: the
 * schema check and the rule interning both key targeting rules by their JSON,
 * and a rule without `$ref`s is the same object in both.
 *
 * JSON.stringify writes ±Infinity (what JSON.parse makes of `1e999`) as
 * `null`, so two rules that differ only there would have one text and share a
 * compiled rule and a schema verdict. For a file that may hold such a number
 * ({@link mayHoldInfinity}) the memo is `distinct`: every object gets a text
 * of its own, and nothing is shared by text.
 */
export class JsonMemo {
  private readonly known = new WeakMap<object, string>();
  private next = 0;

  constructor(private readonly distinct = false) {}

  /** The JSON text of `value` (prefixed with a number of its own when `distinct`). */
  of(value: unknown): string {
    if (value === null || typeof value !== 'object') return this.key(JSON.stringify(value) ?? 'undefined');
    let json = this.known.get(value);
    if (json === undefined) {
      json = this.key(JSON.stringify(value));
      this.known.set(value, json);
    }
    return json;
  }

  private key(json: string): string {
    return this.distinct ? `${this.next++}\u0000${json}` : json;
  }
}

/**
 * Whether a flag file's text may hold a number JSON.parse reads as ±Infinity:
 * one with an exponent of three digits or more (anything below 1e309 may not
 * overflow, but the test stays one cheap scan; a false alarm only costs the
 * file its rule sharing).
 */
export function mayHoldInfinity(text: string): boolean {
  return /\d[eE][+]?\d{3}/.test(text);
}
