import type { Knex } from 'knex';
import type { CurrentUser } from '@preau/sdk';
import type { SignInThrottle } from './sign-in-throttle.js';
import { verifyPassword } from './password.js';
import { audit, schoolsOfUser } from '../audit/audit-log.js';
import { CurrentPasswordWrong } from '../errors.js';

/**
 * Asks for the signed-in user's password before a change that could take the account (its email, its
 * password). An open session does not prove who is at the keyboard (a family tablet left signed in), so a wrong
 * password counts against the sign-in throttle like a failed sign-in: it cannot be guessed faster from an open
 * session than from the sign-in page, and a lock answers 429 here too.
 */
export async function requireCurrentPassword(
  deps: { knex: Knex; throttle: SignInThrottle },
  user: CurrentUser,
  password: string,
  ip: string,
): Promise<void> {
  await deps.throttle.assertOpen(user.login, ip);
  const row = await deps.knex('core.users').where({ id: user.id }).first('password_hash');
  if (await verifyPassword(row?.password_hash ?? '', password)) {
    await deps.throttle.recordSuccess(user.login, ip);
    return;
  }
  const outcome = await deps.throttle.recordFailure(user.login, ip);
  const schools = await schoolsOfUser(deps.knex, user.id);
  const entry = { actorId: user.id, targetUserId: user.id, ip, details: { login: user.login, failures: outcome.failures, from: 'open-session' } };
  const scoped = schools.length ? schools : [null];
  await audit(deps.knex, ...scoped.map((schoolId) => ({ ...entry, schoolId, action: 'sign-in-failed' as const })));
  if (outcome.lockedUntil) {
    await audit(deps.knex, ...scoped.map((schoolId) => ({ ...entry, schoolId, action: 'sign-in-locked' as const, details: { ...entry.details, lockedUntil: outcome.lockedUntil } })));
  }
  throw CurrentPasswordWrong();
}
