/** What {@link writeBoundedJson} produced. */
export type BoundedJsonText =
  /** The whole JSON, exactly as `JSON.stringify` gives it (`undefined` for a value without JSON). */
  | { readonly kind: 'complete'; readonly json: string | undefined }
  /** The value's JSON is longer than the limit: its first `limit` characters. */
  | { readonly kind: 'cut'; readonly json: string }
  /** Serialising threw (a cycle, a BigInt, a throwing getter or `toJSON`); `error` is what it threw. */
  | { readonly kind: 'failed'; readonly error: unknown };

// Thrown inside the writer when the limit is reached; never escapes it.
const CUT = Symbol('cut');

/**
 * `JSON.stringify(value)` that stops after `limit` characters, so the time
 * and memory it takes are bounded by the limit, not by the value: a 100 MB
 * result costs what its first `limit` characters cost. Never throws.
 */
export function writeBoundedJson(value: unknown, limit: number): BoundedJsonText {
  const writer = new Writer(limit);
  try {
    const json = writer.write(prepare(value, '')) ? writer.text() : undefined;
    return { kind: 'complete', json };
  } catch (error) {
    if (error === CUT) return { kind: 'cut', json: writer.text() };
    return { kind: 'failed', error };
  }
}

/** What JSON.stringify serialises in place of a value: its `toJSON()`, or the primitive in a wrapper object. */
function prepare(value: unknown, key: string): unknown {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function' || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key) as unknown;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Number) return Number(value);
  if (value instanceof String) return String(value);
  if (value instanceof Boolean || value instanceof BigInt) return value.valueOf();
  return value;
}

class Writer {
  private readonly parts: string[] = [];
  private size = 0;
  // The objects being written, to refuse a cycle as JSON.stringify does.
  private readonly open = new Set<object>();

  constructor(private readonly limit: number) {}

  text(): string {
    return this.parts.join('');
  }

  /** Writes a prepared value; false when it has no JSON (undefined, a function, a symbol). */
  write(value: unknown): boolean {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return true;
      case 'number':
        this.push(Number.isFinite(value) ? String(value) : 'null');
        return true;
      case 'boolean':
        this.push(value ? 'true' : 'false');
        return true;
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      case 'object':
        if (value === null) this.push('null');
        else if (Array.isArray(value)) this.array(value);
        else this.object(value);
        return true;
      default:
        return false;
    }
  }

  private array(value: readonly unknown[]): void {
    this.enter(value);
    this.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) this.push(',');
      if (!this.write(prepare(value[i], String(i)))) this.push('null');
    }
    this.push(']');
    this.open.delete(value);
  }

  private object(value: object): void {
    this.enter(value);
    this.push('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const item = prepare((value as Record<string, unknown>)[key], key);
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      if (!first) this.push(',');
      first = false;
      this.string(key);
      this.push(':');
      this.write(item);
    }
    this.push('}');
    this.open.delete(value);
  }

  private enter(value: object): void {
    if (this.open.has(value)) throw new TypeError('Converting circular structure to JSON');
    this.open.add(value);
  }

  private string(value: string): void {
    // Quote no more than what can still be written: a huge string costs the limit, not its length.
    const room = this.limit - this.size;
    this.push(JSON.stringify(value.length + 2 > room ? value.slice(0, Math.max(0, room)) : value));
  }

  private push(text: string): void {
    const room = this.limit - this.size;
    if (text.length > room) {
      this.parts.push(text.slice(0, room));
      this.size = this.limit;
      throw CUT;
    }
    this.parts.push(text);
    this.size += text.length;
  }
}
