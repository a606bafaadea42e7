import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Language } from '@preau/sdk';
import type { Mailer } from '../mail/mailer.js';
import type { SessionStore } from './sessions.js';
import { audit } from '../audit/audit-log.js';
import { accessResetEmail } from './account-emails.js';

/** A school's administrator gave new codes to people whose accounts were already activated. */
export interface AccessReset {
  userIds: readonly number[];
  schoolId: number;
  actorId: number;
  ip: string | null;
  at: Date;
}

/**
 * Resetting an activated account is a strong act (whoever holds the new code chooses the password), so it is
 * visible: the person's sessions end now and the audit log names who did it. Runs in the transaction that
 * issues the codes.
 */
export async function recordAccessResets(trx: Knex, reset: AccessReset): Promise<void> {
  if (reset.userIds.length === 0) return;
  await trx('core.sessions').whereIn('user_id', reset.userIds).delete();
  await audit(trx, ...reset.userIds.map((targetUserId) => ({
    action: 'access-reset' as const, schoolId: reset.schoolId, actorId: reset.actorId, targetUserId, ip: reset.ip, at: reset.at,
  })));
}

/**
 * After the commit: every process forgets the cached sessions, and each person with an email is told, in their
 * language, who reset their access and when. A mail that fails is logged, not thrown: the reset is done and
 * the administrator must not retry it (which would issue yet another code). Returns the ids of those emailed.
 */
export async function announceAccessResets(
  deps: { knex: Knex; mailer: Mailer; sessions: SessionStore; publicUrl: string; log: FastifyBaseLogger },
  reset: AccessReset,
): Promise<number[]> {
  if (reset.userIds.length === 0) return [];
  for (const userId of reset.userIds) await deps.sessions.invalidateUser(userId);
  const actor = await deps.knex('core.users').where({ id: reset.actorId }).first('display_name');
  const school = await deps.knex('core.schools').where({ id: reset.schoolId }).first('name');
  const people: { id: number; email: string; display_name: string; language: Language }[] = await deps.knex('core.users')
    .whereIn('id', reset.userIds).whereNotNull('email').orderBy('id').select('id', 'email', 'display_name', 'language');
  const emailed: number[] = [];
  for (const person of people) {
    try {
      await deps.mailer.send(accessResetEmail({
        to: person.email, name: person.display_name, actor: actor.display_name, school: school.name, at: reset.at, language: person.language, publicUrl: deps.publicUrl,
      }));
      emailed.push(person.id);
    } catch (error) {
      deps.log.error({ err: error, userId: person.id }, 'the access-reset email could not be sent');
    }
  }
  return emailed;
}
