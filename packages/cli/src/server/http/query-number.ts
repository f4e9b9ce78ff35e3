import { HttpError } from './http-error.js';

/** An integer query parameter within bounds, or its default when absent. */
export function queryNumber(query: URLSearchParams, name: string, bounds: { min: number; max: number; default: number }): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return bounds.default;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new HttpError(400, 'INVALID_QUERY', `"${name}" must be an integer from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}
