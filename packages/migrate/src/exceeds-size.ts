// Approximate JSON sizes of what is not a string: a number, a boolean, null.
const SCALAR = 8;

// Thrown inside the walk when the limit is passed; never escapes it.
const OVER = Symbol('over');

/**
 * True when `value` is larger than `limit` bytes of JSON, approximately:
 * strings count their length, other scalars 8, keys their length. It walks the
 * value itself (arrays, objects, maps, sets, typed arrays), depth first as a
 * comparator does, and stops as soon as the limit is passed, so its cost is
 * bounded by `limit` whatever the size of the value. `undefined` when the
 * value cannot be walked (a throwing getter or proxy, nesting too deep).
 */
export function exceedsSize(value: unknown, limit: number): boolean | undefined {
  // A scalar needs no walk (and no allocation).
  if (typeof value === 'string') return value.length + 2 > limit;
  if (typeof value !== 'object' || value === null) return SCALAR > limit;
  const walk = new SizeWalk(limit);
  try {
    walk.visit(value);
    return false;
  } catch (error) {
    return error === OVER ? true : undefined;
  }
}

class SizeWalk {
  private size = 0;
  // Each object counts once: a shared or cyclic structure is as large as its distinct parts.
  private readonly seen = new Set<object>();

  constructor(private readonly limit: number) {}

  visit(value: unknown): void {
    if (typeof value === 'string') this.add(value.length + 2);
    else if (typeof value !== 'object' || value === null) this.add(SCALAR);
    else if (!this.seen.has(value)) {
      this.seen.add(value);
      this.add(2);
      this.contents(value);
    }
  }

  private contents(value: object): void {
    if (ArrayBuffer.isView(value)) this.add(value.byteLength);
    else if (value instanceof ArrayBuffer) this.add(value.byteLength);
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.entry(value[i], 1);
    } else if (value instanceof Map) {
      for (const [key, entry] of value) {
        this.entry(key, 1);
        this.entry(entry, 1);
      }
    } else if (value instanceof Set) {
      for (const entry of value) this.entry(entry, 1);
    } else {
      for (const key in value) {
        if (Object.prototype.hasOwnProperty.call(value, key)) this.entry((value as Record<string, unknown>)[key], key.length + 4);
      }
    }
  }

  private entry(value: unknown, overhead: number): void {
    this.add(overhead);
    this.visit(value);
  }

  private add(bytes: number): void {
    this.size += bytes;
    if (this.size > this.limit) throw OVER;
  }
}
