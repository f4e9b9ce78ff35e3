/**
 * Which read answers the caller where the stage runs both paths: `stage`, the
 * stage's authoritative one; `fastest`, the first of the two to succeed.
 */
export type ReadPreference = 'stage' | 'fastest';
