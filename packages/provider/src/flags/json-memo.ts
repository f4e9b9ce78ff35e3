/**
 * `JSON.stringify` of the objects of one parsed file, each computed once: the
 * schema check and the rule interning both key targeting rules by their JSON,
 * and a rule without `$ref`s is the same object in both.
 */
export class JsonMemo {
  private readonly known = new WeakMap<object, string>();

  /** The JSON text of `value`. */
  of(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
    let json = this.known.get(value);
    if (json === undefined) {
      json = JSON.stringify(value);
      this.known.set(value, json);
    }
    return json;
  }
}
