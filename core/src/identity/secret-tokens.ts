import { createHash, randomBytes } from 'node:crypto';

/** A random token for a URL or a cookie (256 bits, base64url). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store of a token: a fast hash is right here, since the token itself has 256 bits of entropy. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
