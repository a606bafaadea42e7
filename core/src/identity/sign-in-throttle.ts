import type { Knex } from 'knex';
import type { Clock } from '@preau/sdk';
import { SignInLocked } from '../errors.js';

/** Limits of the throttle (from the `identity` configuration). */
export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  lockMinutes: number;
  maxLockMinutes: number;
}

/** What a failure led to. */
export interface FailureOutcome {
  /** Set when this failure locked the account or the address. */
  lockedUntil: Date | null;
  failures: number;
}

/** Sign-in throttling per account and per IP address, in the database so that every process sees it. */
export interface SignInThrottle {
  /** A 429 when the account or the address is locked now. */
  assertOpen(login: string, ip: string): Promise<void>;
  /** Counts a failure against both keys; the lock grows (doubles) with each failure past the limit. */
  recordFailure(login: string, ip: string): Promise<FailureOutcome>;
  /** A successful sign-in forgets the account's failures (not the address's: one good password must not reopen a spraying IP). */
  recordSuccess(login: string): Promise<void>;
  /** An administrator lifts an account's lock. */
  unlock(login: string): Promise<void>;
}

// Failures older than this without a lock are forgotten: a parent who mistypes twice a month is never locked.
const FORGET_AFTER_MS = 60 * 60_000;

const accountKey = (login: string) => `account:${login.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Creates the throttle. Unknown logins are counted like known ones, so a lock reveals nothing. */
export function createSignInThrottle(knex: Knex, clock: Clock, limits: ThrottleLimits): SignInThrottle {
  const failOne = async (trx: Knex.Transaction, key: string, max: number, now: Date): Promise<FailureOutcome> => {
    await trx('core.sign_in_throttle').insert({ key, failures: 0, last_failure_at: now }).onConflict('key').ignore();
    const row = await trx('core.sign_in_throttle').where({ key }).forUpdate().first('failures', 'last_failure_at', 'locked_until');
    const stale = now.getTime() - new Date(row.last_failure_at).getTime() > FORGET_AFTER_MS && !row.locked_until;
    const failures = (stale ? 0 : row.failures) + 1;
    let lockedUntil: Date | null = null;
    if (failures >= max) {
      const minutes = Math.min(limits.lockMinutes * 2 ** (failures - max), limits.maxLockMinutes);
      lockedUntil = new Date(now.getTime() + minutes * 60_000);
    }
    await trx('core.sign_in_throttle').where({ key }).update({ failures, last_failure_at: now, locked_until: lockedUntil ?? row.locked_until });
    return { failures, lockedUntil };
  };

  return {
    async assertOpen(login, ip) {
      const now = clock.now();
      const rows = await knex('core.sign_in_throttle')
        .whereIn('key', [accountKey(login), ipKey(ip)])
        .where('locked_until', '>', now)
        .select('locked_until');
      if (rows.length === 0) return;
      const until = Math.max(...rows.map((row: { locked_until: string | Date }) => new Date(row.locked_until).getTime()));
      throw SignInLocked(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
    },

    async recordFailure(login, ip) {
      const now = clock.now();
      return knex.transaction(async (trx) => {
        const account = await failOne(trx, accountKey(login), limits.maxFailuresPerAccount, now);
        const address = await failOne(trx, ipKey(ip), limits.maxFailuresPerIp, now);
        const lockedUntil = [account.lockedUntil, address.lockedUntil].filter((d): d is Date => d !== null);
        return {
          failures: account.failures,
          lockedUntil: lockedUntil.length ? new Date(Math.max(...lockedUntil.map((d) => d.getTime()))) : null,
        };
      });
    },

    async recordSuccess(login) {
      await knex('core.sign_in_throttle').where({ key: accountKey(login) }).delete();
    },

    async unlock(login) {
      await knex('core.sign_in_throttle').where({ key: accountKey(login) }).delete();
    },
  };
}
