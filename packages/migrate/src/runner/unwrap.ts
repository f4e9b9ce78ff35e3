import type { Observation } from './observation.js';

/** What the caller of an observed run gets: its value, or its error thrown. */
export function unwrap<T>(observation: Observation<T>): T {
  if (observation.status === 'ok') return observation.value;
  throw observation.error;
}
