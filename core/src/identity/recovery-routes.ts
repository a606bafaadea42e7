import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Profile, TypeBoxTypeProvider } from '@preau/sdk';
import { hashToken, randomToken } from './secret-tokens.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import type { IdentityDeps } from './identity-deps.js';
import { LoginSchema, PasswordSchema } from './sign-in-routes.js';
import { audit, schoolsOfUser } from '../audit/audit-log.js';
import { ResetLinkInvalid } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';

const Accepted = Type.Object({ message: Type.String() });
const SAME_ANSWER = {
  message: "Si un compte correspond et qu'il a une adresse électronique, un message vient d'y être envoyé. Sinon, demandez un nouveau code d'activation à la direction de l'école.",
};

/**
 * "Forgotten password" and "forgotten login" by email. Both answer the same whether or not the account
 * exists, so they cannot be used to find out who is registered. People without an email (pupils) get a new
 * activation code from the school's administrators instead (a reset of their access: a teacher gives codes only
 * to accounts not activated yet).
 */
export async function recoveryRoutes(parent: FastifyInstance, deps: IdentityDeps): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock, mailer } = deps;

  app.post('/api/core/password/forgotten', {
    schema: {
      body: Type.Object({ login: LoginSchema }, { additionalProperties: false }),
      response: { 202: Accepted, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const login = request.body.login.trim().toLowerCase();
    // Its own counter: asking for links must not lock the account, but must not mail someone a hundred times.
    await deps.throttle.assertOpen(`reset:${login}`, request.ip);
    await deps.throttle.recordFailure(`reset:${login}`, request.ip);
    const user = await knex('core.users').where({ login, state: 'active' }).whereNotNull('email').first('id', 'email', 'display_name');
    if (user) {
      const token = randomToken();
      const now = clock.now();
      await knex('core.password_resets').insert({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now,
        expires_at: new Date(now.getTime() + deps.identity.resetLinkMinutes * 60_000),
      });
      const link = `${deps.publicUrl}/password-reset?token=${encodeURIComponent(token)}`;
      await mailer.send({
        to: user.email,
        subject: 'Préau : réinitialisation de votre mot de passe',
        text: `Bonjour ${user.display_name},\n\nPour choisir un nouveau mot de passe Préau, ouvrez ce lien (valable ${deps.identity.resetLinkMinutes} minutes, une seule fois) :\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n`,
      });
      const schools = await schoolsOfUser(knex, user.id);
      await audit(knex, ...(schools.length ? schools : [null]).map((schoolId) => ({
        action: 'password-reset-requested' as const, schoolId, targetUserId: user.id, ip: request.ip,
      })));
    }
    return reply.code(202).send(SAME_ANSWER);
  });

  app.post('/api/core/password/reset', {
    schema: {
      body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }), password: PasswordSchema }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...ErrorResponses },
    },
  }, async (request, reply) => {
    const now = clock.now();
    const tokenHash = hashToken(request.body.token);
    const found = await knex('core.password_resets as r')
      .join('core.users as u', 'u.id', 'r.user_id')
      .where('r.token_hash', tokenHash)
      .where('r.expires_at', '>', now)
      .where('u.state', 'active')
      .first('u.id', 'u.profile');
    if (!found) throw ResetLinkInvalid();
    checkPasswordPolicy(request.body.password, deps.identity.passwordMinLength[found.profile as Profile]);
    const passwordHash = await hashPassword(request.body.password);
    await knex.transaction(async (trx) => {
      const used = await trx('core.password_resets').where({ token_hash: tokenHash }).delete();
      if (used === 0) throw ResetLinkInvalid();
      // Every other reset link of this user dies too, and so do every session and any email change waiting.
      await trx('core.password_resets').where({ user_id: found.id }).delete();
      await trx('core.email_changes').where({ user_id: found.id }).delete();
      await trx('core.users').where({ id: found.id }).update({ password_hash: passwordHash, updated_at: now });
      await trx('core.sessions').where({ user_id: found.id }).delete();
      const schools = await schoolsOfUser(trx, found.id);
      await audit(trx, ...(schools.length ? schools : [null]).map((schoolId) => ({
        action: 'password-reset' as const, schoolId, actorId: found.id, targetUserId: found.id, ip: request.ip,
      })));
    });
    await deps.sessions.invalidateUser(found.id);
    await deps.throttle.unlock(
      (await knex('core.users').where({ id: found.id }).first('login')).login,
    );
    return reply.code(204).send(null);
  });

  app.post('/api/core/login/forgotten', {
    schema: {
      body: Type.Object({ email: Type.String({ format: 'email', maxLength: 200 }) }, { additionalProperties: false }),
      response: { 202: Accepted, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const email = request.body.email.trim().toLowerCase();
    await deps.throttle.assertOpen(`email:${email}`, request.ip);
    const users = await knex('core.users')
      .whereRaw('lower(email) = ?', [email])
      .whereIn('state', ['active', 'pending'])
      .select('login', 'display_name')
      .orderBy('login');
    // Counted as a failure so that this route cannot be used to mail someone a hundred times.
    await deps.throttle.recordFailure(`email:${email}`, request.ip);
    if (users.length) {
      const lines = users.map((u: { login: string; display_name: string }) => `- ${u.display_name} : ${u.login}`).join('\n');
      await mailer.send({
        to: request.body.email.trim(),
        subject: 'Préau : votre identifiant',
        text: `Bonjour,\n\nVoici le ou les identifiants Préau associés à cette adresse :\n${lines}\n\nConnectez-vous sur ${deps.publicUrl}/\n`,
      });
    }
    return reply.code(202).send(SAME_ANSWER);
  });
}
