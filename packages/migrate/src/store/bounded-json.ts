import { describeError } from '../describe-error.js';
import { writeBoundedJson } from './bounded-json-writer.js';

/** Stands in for a value too large, or impossible, to store as JSON. */
export interface Truncated {
  readonly $truncated: true;
  /** Size of the full JSON in bytes, when it was measured (values far beyond the bound are cut unmeasured). */
  readonly bytes?: number;
  /** The start of the JSON, or why serialising failed. */
  readonly preview: string;
}

// How far past the bound a value is serialised to tell its full size: far
// enough to say how much too large a value is, near enough to stay cheap.
const MEASURED_FACTOR = 16;

/** True when a stored value was cut and cannot be replayed. */
export function isTruncated(value: unknown): value is Truncated {
  return typeof value === 'object' && value !== null && (value as { $truncated?: unknown }).$truncated === true;
}

/**
 * Returns `value` when its JSON fits in `maxBytes`, else a {@link Truncated}
 * marker. Never throws, and never serialises more than 16 × `maxBytes`
 * characters, however large the value.
 */
export function boundedJson(value: unknown, maxBytes: number): unknown {
  const written = writeBoundedJson(value, maxBytes * MEASURED_FACTOR);
  const preview = maxBytes >> 2;
  if (written.kind === 'failed') return { $truncated: true, preview: `unserialisable: ${describeError(written.error)}` } satisfies Truncated;
  if (written.kind === 'cut') return { $truncated: true, preview: written.json.slice(0, preview) } satisfies Truncated;
  const { json } = written;
  if (json === undefined) return null;
  // Length in UTF-16 units bounds the UTF-8 size from below; check bytes only when close.
  if (json.length * 3 <= maxBytes) return value;
  const bytes = Buffer.byteLength(json);
  if (bytes <= maxBytes) return value;
  return { $truncated: true, bytes, preview: json.slice(0, preview) } satisfies Truncated;
}
