import type { GuardSnapshot, PathWindow } from './guard-snapshot.js';

/** The same figure read from both paths of a snapshot: candidate first, then legacy. */
export function perPath<T>(snapshot: GuardSnapshot, read: (path: PathWindow) => T): [candidate: T, legacy: T] {
  return [read(snapshot.candidate), read(snapshot.legacy)];
}
