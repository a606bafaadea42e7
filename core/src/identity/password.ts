import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { PasswordTooWeak } from '../errors.js';

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, slow for an attacker, fine for a sign-in.
// `algorithm: 2` is Algorithm.Argon2id (a const enum that isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches `passwordHash`; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Refuses a password shorter than `minLength` or among the most common ones (CNIL 2022, limited attempts). */
export function checkPasswordPolicy(password: string, minLength = 8): void {
  if ([...password].length < minLength || COMMON_PASSWORDS.has(password.toLowerCase())) throw PasswordTooWeak(minLength);
}
