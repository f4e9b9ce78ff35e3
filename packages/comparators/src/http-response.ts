import { allOf } from './all-of.js';
import { at } from './at.js';
import type { Comparator, Difference } from './comparison.js';
import { comparisonOf } from './comparison-of.js';
import { deepEqual } from './deep-equal.js';

/** An HTTP response as a handler or `fetch` produced it. */
export interface HttpResponseLike {
  readonly status: number;
  /** A plain record (any case) or a WHATWG `Headers`. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | number | undefined>> | Headers;
  /** A parsed body, or a string that is parsed as JSON when it is JSON. */
  readonly body?: unknown;
}

/** Options of {@link httpResponse}. */
export interface HttpResponseOptions {
  /** Headers compared (case-insensitively by name); the rest vary by design (date, request ids). @default ['content-type'] */
  readonly headers?: readonly string[];
  /** Compares the bodies, after JSON parsing. @default deepEqual() */
  readonly body?: Comparator<unknown>;
}

/**
 * Compares two HTTP responses: status, the chosen headers and the JSON body,
 * with differences at `$.status`, `$.headers["content-type"]` and `$.body…`.
 * Header values are compared after trimming; a missing header is a difference.
 */
export function httpResponse(options: HttpResponseOptions = {}): Comparator<HttpResponseLike> {
  const names = (options.headers ?? ['content-type']).map((name) => name.toLowerCase());
  return allOf(
    (legacy, candidate) => comparisonOf(statusDifference(legacy.status, candidate.status)),
    at('$.headers', (response: HttpResponseLike) => pickHeaders(response, names), deepEqual()),
    at('$.body', (response: HttpResponseLike) => parseBody(response.body), options.body ?? deepEqual()),
  );
}

function statusDifference(legacy: number, candidate: number): Difference[] {
  return legacy === candidate ? [] : [{ path: '$.status', legacy, candidate, reason: 'status differs' }];
}

function pickHeaders(response: HttpResponseLike, names: readonly string[]): Record<string, string | undefined> {
  const { headers } = response;
  const lookup = (name: string): unknown => {
    if (headers === undefined) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
    return entry?.[1];
  };
  return Object.fromEntries(names.map((name) => [name, headerText(lookup(name))]));
}

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return (Array.isArray(value) ? value.join(', ') : String(value)).trim();
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
