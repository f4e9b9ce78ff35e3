/** Stands in for a value too large, or impossible, to store as JSON. */
export interface Truncated {
  readonly $truncated: true;
  /** Size of the full JSON in bytes, when it could be serialised. */
  readonly bytes?: number;
  /** The start of the JSON, or why serialising failed. */
  readonly preview: string;
}

/** True when a stored value was cut and cannot be replayed. */
export function isTruncated(value: unknown): value is Truncated {
  return typeof value === 'object' && value !== null && (value as { $truncated?: unknown }).$truncated === true;
}

/** Returns `value` when its JSON fits in `maxBytes`, else a {@link Truncated} marker; never throws. */
export function boundedJson(value: unknown, maxBytes: number): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    return { $truncated: true, preview: `unserialisable: ${String(error)}` } satisfies Truncated;
  }
  if (json === undefined) return null;
  // Length in UTF-16 units bounds the UTF-8 size from below; check bytes only when close.
  if (json.length * 3 <= maxBytes) return value;
  const bytes = Buffer.byteLength(json);
  if (bytes <= maxBytes) return value;
  return { $truncated: true, bytes, preview: json.slice(0, Math.max(0, maxBytes >> 2)) } satisfies Truncated;
}
