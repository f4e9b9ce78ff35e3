// The first occurrences of a repeated failure are logged in full; after that
// one tally line per thousand, so a failure at request rate cannot flood the log.
const LOGGED_IN_FULL = 10;
const LOG_EVERY = 1000;

/** How to log the `count`-th occurrence of a repeated event: in full, as a tally line, or not at all. */
export function logThrottle(count: number): 'full' | 'tally' | 'skip' {
  if (count <= LOGGED_IN_FULL) return 'full';
  return count % LOG_EVERY === 0 ? 'tally' : 'skip';
}
