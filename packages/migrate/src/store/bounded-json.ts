import { describeError } from '../describe-error.js';
import { exceedsSize } from '../exceeds-size.js';
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
 * marker. Never throws. A value whose approximate size is within 16 ×
 * `maxBytes` is serialised natively (fast, and its size exact); a larger one
 * is written only up to that limit, so a 100 MB value costs what its first
 * few hundred kilobytes cost.
 */
export function boundedJson(value: unknown, maxBytes: number): unknown {
  const limit = maxBytes * MEASURED_FACTOR;
  const preview = maxBytes >> 2;
  let json: string | undefined;
  // Written with a bound also when the size cannot be told: only a walk that finished proves the value small.
  if (exceedsSize(value, limit) !== false) {
    const written = writeBoundedJson(value, limit);
    if (written.kind === 'failed') return unserialisable(written.error);
    if (written.kind === 'cut') return { $truncated: true, preview: written.json.slice(0, preview) } satisfies Truncated;
    json = written.json;
  } else {
    try {
      json = JSON.stringify(value);
    } catch (error) {
      return unserialisable(error);
    }
  }
  if (json === undefined) return null;
  // Length in UTF-16 units bounds the UTF-8 size from below; check bytes only when close.
  if (json.length * 3 <= maxBytes) return value;
  const bytes = Buffer.byteLength(json);
  if (bytes <= maxBytes) return value;
  return { $truncated: true, bytes, preview: json.slice(0, preview) } satisfies Truncated;
}

function unserialisable(error: unknown): Truncated {
  return { $truncated: true, preview: `unserialisable: ${describeError(error)}` };
}
