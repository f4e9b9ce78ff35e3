import { randomBytes } from 'node:crypto';

/** A fresh dashboard token: 32 random bytes, base64url (43 characters). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}
