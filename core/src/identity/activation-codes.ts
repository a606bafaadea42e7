import type { Knex } from 'knex';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L, 5/S or 2/Z: a parent copies the code from paper, often on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRTUVWXY346789';
const LENGTH = 8;

/** A new activation code: 8 characters from an alphabet without look-alikes (about 2^38 possibilities). */
export function newActivationCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What people type: spaces, dashes and case do not matter. */
export function normalizeActivationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Codes are stored as a keyed hash (HMAC-SHA256 with the instance's secret), not argon2: an academy import
 * creates 100,000+ codes at once, and a code is short-lived, single-use and behind the sign-in throttle. The
 * key means a stolen table alone cannot be brute-forced offline.
 */
export function hashActivationCode(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(normalizeActivationCode(code)).digest('base64url');
}

/** True when `typed` hashes to `codeHash`, compared in constant time. */
export function activationCodeMatches(key: Buffer, typed: string, codeHash: string): boolean {
  const a = Buffer.from(hashActivationCode(key, typed));
  const b = Buffer.from(codeHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Issues a fresh code to each user (replacing any earlier one, which stops working) and returns the plain codes,
 * which are never stored. One multi-row statement per 5,000 users.
 */
export async function issueActivationCodes(
  knex: Knex,
  key: Buffer,
  userIds: readonly number[],
  options: { expiresAt: Date; createdBy: number | null; now: Date },
): Promise<Map<number, string>> {
  const codes = new Map<number, string>();
  const rows = userIds.map((userId) => {
    const code = newActivationCode();
    codes.set(userId, code);
    return { user_id: userId, code_hash: hashActivationCode(key, code), expires_at: options.expiresAt, created_at: options.now, created_by: options.createdBy };
  });
  for (let i = 0; i < rows.length; i += 5000) {
    await knex('core.activation_codes')
      .insert(rows.slice(i, i + 5000))
      .onConflict('user_id')
      .merge(['code_hash', 'expires_at', 'created_at', 'created_by']);
  }
  return codes;
}
