import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Language, TypeBoxTypeProvider } from '@preau/sdk';
import { requireUser } from './access.js';
import { requireCurrentPassword } from './current-password.js';
import { hashToken, randomToken } from './secret-tokens.js';
import { emailChangeNoticeEmail, emailConfirmationEmail } from './account-emails.js';
import type { IdentityDeps } from './identity-deps.js';
import { PasswordSchema } from './sign-in-routes.js';
import { audit, schoolsOfUser } from '../audit/audit-log.js';
import { EmailLinkInvalid } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { EmailStateSchema as EmailState } from '../web-api/identity-schemas.js';


/**
 * The person changes their own email: with their password, and the new address is used only once the link
 * sent to it is opened (a single-use token, stored hashed, valid `identity.emailLinkHours`). The old address is
 * told at once. Until then, the account keeps its old address, and "Mot de passe oublié" keeps mailing it: an
 * open session alone (a family tablet) cannot redirect the account's recovery. Administrators never set the
 * address of an activated account.
 */
export async function emailChangeRoutes(parent: FastifyInstance, deps: IdentityDeps): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock, mailer } = deps;
  const hours = deps.identity.emailLinkHours;

  const recordOnce = async (db: typeof knex, userId: number, ip: string, action: 'email-change-requested' | 'email-changed', details: Record<string, unknown>) => {
    const schools = await schoolsOfUser(db, userId);
    await audit(db, ...(schools.length ? schools : [null]).map((schoolId) => ({ action, schoolId, actorId: userId, targetUserId: userId, ip, details })));
  };

  app.put('/api/core/me/email', {
    schema: {
      body: Type.Object({
        currentPassword: PasswordSchema,
        /** The new address, or null to remove it (at once: there is no new address to prove). */
        email: Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()]),
      }, { additionalProperties: false }),
      response: { 200: EmailState, 202: EmailState, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    await requireCurrentPassword(deps, user, request.body.currentPassword, request.ip);
    const now = clock.now();
    const person: { email: string | null; display_name: string; language: Language } = await knex('core.users').where({ id: user.id }).first('email', 'display_name', 'language');
    const wanted = request.body.email?.trim() ?? null;

    if (wanted === null || wanted.toLowerCase() === person.email?.toLowerCase()) {
      await knex.transaction(async (trx) => {
        await trx('core.email_changes').where({ user_id: user.id }).delete();
        if (wanted === null && person.email !== null) {
          await trx('core.users').where({ id: user.id }).update({ email: null, updated_at: now });
          // Links already mailed to the removed address die with it.
          await trx('core.password_resets').where({ user_id: user.id }).delete();
          await recordOnce(trx, user.id, request.ip, 'email-changed', { removed: true });
        }
      });
      if (wanted === null && person.email) {
        await deps.sessions.invalidateUser(user.id);
        await mailer.send(emailChangeNoticeEmail({ to: person.email, name: person.display_name, newEmail: null, at: now, language: person.language }));
      }
      return reply.code(200).send({ email: wanted === null ? null : person.email, pendingEmail: null, pendingUntil: null });
    }

    const token = randomToken();
    const expiresAt = new Date(now.getTime() + hours * 3_600_000);
    await knex.transaction(async (trx) => {
      // One pending change per person: asking again replaces it, and the earlier link stops working.
      await trx('core.email_changes')
        .insert({ user_id: user.id, token_hash: hashToken(token), email: wanted, created_at: now, expires_at: expiresAt })
        .onConflict('user_id').merge(['token_hash', 'email', 'created_at', 'expires_at']);
      await recordOnce(trx, user.id, request.ip, 'email-change-requested', { email: wanted });
    });
    const link = `${deps.publicUrl}/email-confirm?token=${encodeURIComponent(token)}`;
    await mailer.send(emailConfirmationEmail({ to: wanted, name: person.display_name, link, hours, language: person.language }));
    if (person.email) {
      await mailer.send(emailChangeNoticeEmail({ to: person.email, name: person.display_name, newEmail: wanted, at: now, language: person.language }));
    }
    return reply.code(202).send({ email: person.email, pendingEmail: wanted, pendingUntil: expiresAt.toISOString() });
  });

  // The link may be opened on another device than the one that asked (the phone that reads the mail): the token
  // is the proof, no session is needed.
  app.post('/api/core/email/confirm', {
    schema: {
      body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ email: Type.String() }), ...ErrorResponses },
    },
  }, async (request) => {
    const now = clock.now();
    const confirmed = await knex.transaction(async (trx) => {
      const [change] = await trx('core.email_changes')
        .where({ token_hash: hashToken(request.body.token) })
        .where('expires_at', '>', now)
        .delete()
        .returning(['user_id', 'email']);
      const active = change && (await trx('core.users').where({ id: change.user_id, state: 'active' }).first('id'));
      if (!active) throw EmailLinkInvalid();
      await trx('core.users').where({ id: change.user_id }).update({ email: change.email, updated_at: now });
      // A reset link mailed to the old address no longer belongs to the account's address.
      await trx('core.password_resets').where({ user_id: change.user_id }).delete();
      await recordOnce(trx, change.user_id, request.ip, 'email-changed', { email: change.email });
      return change as { user_id: number; email: string };
    });
    await deps.sessions.invalidateUser(confirmed.user_id);
    return { email: confirmed.email };
  });
}
