import type { Knex } from 'knex';
import type { Clock } from '@preau/sdk';
import { SignInLocked, SignInWait } from '../errors.js';

/** Limits of the throttle (from the `identity` configuration). */
export interface ThrottleLimits {
  maxFailuresPerAccountFromIp: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  lockMinutes: number;
  maxLockMinutes: number;
}

/** What a failure led to. */
export interface FailureOutcome {
  /** Set when this failure locked the account, or the account from this address. */
  lockedUntil: Date | null;
  /** The account's failures, from every address. */
  failures: number;
  /** Seconds the address should wait before its next attempt when it fails too often (0: it need not). */
  slowDownSeconds: number;
}

/**
 * Sign-in throttling, in the database so that every process sees it. Locks (which refuse even the right password)
 * are per account and per account from one address. An address alone is never locked: a whole school, often a
 * whole town's schools, reaches Préau from one public address. Past its hourly rate of failures it is made to
 * wait (1 s, doubling up to a minute) — but only for logins that never signed in from it: the school's own users
 * keep signing in at once, while a sprayer trying passwords on accounts gets about one guess a minute.
 */
export interface SignInThrottle {
  /**
   * A 429 when the account is locked now, or locked for this address, or when the address must wait and this
   * login never signed in from it (in the last {@link KNOWN_ADDRESS_DAYS} days).
   */
  assertOpen(login: string, ip: string): Promise<void>;
  /** Counts a failure against the account, the account from this address, and the address. */
  recordFailure(login: string, ip: string): Promise<FailureOutcome>;
  /**
   * A successful sign-in forgets the account's failures and those of the account from this address (not the
   * address's: one good password must not reopen a spraying address; nor another address's, maybe an attacker's),
   * and remembers that this login signs in from this address.
   */
  recordSuccess(login: string, ip: string): Promise<void>;
  /** An administrator lifts an account's locks, from every address. */
  unlock(login: string): Promise<void>;
}

// Failures older than this without a lock are forgotten: a parent who mistypes twice a month is never locked.
const FORGET_AFTER_MS = 60 * 60_000;
const MAX_SLOW_DOWN_SECONDS = 60;
/** How long a login is known at an address after signing in from it (a school holiday and then some). */
export const KNOWN_ADDRESS_DAYS = 90;
const SLOWED_FAILURES_KEPT = 64;

const normalized = (login: string) => login.trim().toLowerCase();
const accountKey = (login: string) => `account:${normalized(login)}`;
const pairKey = (login: string, ip: string) => `pair:${normalized(login)}|${ip}`;
const ipKey = (ip: string) => `ip:${ip}`;
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Creates the throttle. Unknown logins are counted like known ones, so a lock reveals nothing. */
export function createSignInThrottle(knex: Knex, clock: Clock, limits: ThrottleLimits): SignInThrottle {
  const lockedRow = async (trx: Knex.Transaction, key: string, now: Date) => {
    await trx('core.sign_in_throttle').insert({ key, failures: 0, last_failure_at: now }).onConflict('key').ignore();
    return trx('core.sign_in_throttle').where({ key }).forUpdate().first('failures', 'last_failure_at', 'locked_until');
  };

  /** A lock key: past `max` failures it locks, for a time that doubles with each further failure. */
  const failLock = async (trx: Knex.Transaction, key: string, max: number, now: Date) => {
    const row = await lockedRow(trx, key, now);
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

  /**
   * The address's key, a leaky bucket: it holds up to `maxFailuresPerIp` failures and forgets them at that rate
   * per hour, so that a busy school's steady trickle of typos never adds up. `last_failure_at` is when the bucket
   * last leaked. Past the brim, each failure asks the address to wait, twice as long as the one before, from one
   * second up to a minute. Only a wait: the right password is still checked and let in, since whoever is
   * failing shares the address with the whole school.
   */
  const failAddress = async (trx: Knex.Transaction, key: string, now: Date): Promise<number> => {
    const row = await lockedRow(trx, key, now);
    const leakMs = 3_600_000 / limits.maxFailuresPerIp;
    const since = new Date(row.last_failure_at).getTime();
    const leaked = Math.min(row.failures, Math.floor(Math.max(0, now.getTime() - since) / leakMs));
    const kept = row.failures - leaked;
    const leakedAt = kept === 0 ? now : new Date(since + leaked * leakMs);
    // Past the longest wait, more failures add nothing: the brim is capped so that an address recovers within
    // about an hour of an attack's end (and its row stays recent enough for the daily purge to leave it).
    const failures = Math.min(kept + 1, limits.maxFailuresPerIp + SLOWED_FAILURES_KEPT);
    const over = failures - limits.maxFailuresPerIp;
    const seconds = over > 0 ? Math.min(MAX_SLOW_DOWN_SECONDS, 2 ** Math.min(over - 1, 6)) : 0;
    // For an address, `locked_until` is when its wait ends: logins unknown there are refused until then.
    const waitUntil = seconds ? new Date(now.getTime() + seconds * 1000) : null;
    await trx('core.sign_in_throttle').where({ key }).update({ failures, last_failure_at: leakedAt, locked_until: waitUntil });
    return seconds;
  };

  return {
    async assertOpen(login, ip) {
      const now = clock.now();
      const rows: { key: string; locked_until: string | Date }[] = await knex('core.sign_in_throttle')
        .whereIn('key', [accountKey(login), pairKey(login, ip), ipKey(ip)])
        .where('locked_until', '>', now)
        .select('key', 'locked_until');
      const secondsUntil = (row: { locked_until: string | Date }) => Math.max(1, Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 1000));
      const locks = rows.filter((row) => row.key !== ipKey(ip));
      if (locks.length) throw SignInLocked(Math.max(...locks.map(secondsUntil)));
      const wait = rows.find((row) => row.key === ipKey(ip));
      if (!wait) return;
      const known = await knex('core.sign_in_known_addresses')
        .where({ login: normalized(login), ip })
        .where('last_success_at', '>', new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000))
        .first('login');
      if (!known) throw SignInWait(secondsUntil(wait));
    },

    async recordFailure(login, ip) {
      const now = clock.now();
      return knex.transaction(async (trx) => {
        // Always in this order (account, pair, address), so that concurrent failures never wait on each other in a circle.
        const account = await failLock(trx, accountKey(login), limits.maxFailuresPerAccount, now);
        const pair = await failLock(trx, pairKey(login, ip), limits.maxFailuresPerAccountFromIp, now);
        const slowDownSeconds = await failAddress(trx, ipKey(ip), now);
        const lockedUntil = [account.lockedUntil, pair.lockedUntil].filter((d): d is Date => d !== null);
        return {
          failures: account.failures,
          lockedUntil: lockedUntil.length ? new Date(Math.max(...lockedUntil.map((d) => d.getTime()))) : null,
          slowDownSeconds,
        };
      });
    },

    async recordSuccess(login, ip) {
      await knex('core.sign_in_throttle').whereIn('key', [accountKey(login), pairKey(login, ip)]).delete();
      await knex('core.sign_in_known_addresses')
        .insert({ login: normalized(login), ip, last_success_at: clock.now() })
        .onConflict(['login', 'ip'])
        .merge(['last_success_at']);
    },

    async unlock(login) {
      await knex('core.sign_in_throttle')
        .where({ key: accountKey(login) })
        .orWhere('key', 'like', `${likeLiteral(pairKey(login, ''))}%`)
        .delete();
    },
  };
}
