import { HttpError } from './http-error.js';

/**
 * A percent-encoded path segment as text. A malformed escape (`%E0%A4%A`, a
 * lone `%`) is the client's mistake, so it is a 400 that names the segment,
 * never a 500.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'INVALID_URL', `the path segment "${segment}" has a malformed percent escape`);
  }
}
