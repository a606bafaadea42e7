import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { requireUser } from './access.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import { requireCurrentPassword } from './current-password.js';
import type { IdentityDeps } from './identity-deps.js';
import { PasswordSchema } from './sign-in-routes.js';
import { exportCoreData } from './personal-data-export.js';
import { describeUser } from '../structure/user-context.js';
import { currentStartYear } from '../structure/school-years.js';
import { audit, schoolsOfUser } from '../audit/audit-log.js';
import { SessionNotFound } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { MeSchema, SessionSchema } from '../web-api/identity-schemas.js';


/** The signed-in user's own page: who they are, their settings, their sessions, their data. */
export async function meRoutes(parent: FastifyInstance, deps: IdentityDeps): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock, sessions } = deps;

  app.get('/api/core/me', {
    schema: { response: { 200: MeSchema, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    const context = await describeUser(knex, user.id, await currentStartYear(knex, clock.now()));
    const contact = await knex('core.users').where({ id: user.id }).first('email', 'mobile', 'show_email as showEmail', 'show_mobile as showMobile');
    const pending = await knex('core.email_changes').where({ user_id: user.id }).where('expires_at', '>', clock.now()).first('email');
    return { user, csrfToken: request.session!.csrfToken, ...context, contact: { ...contact, pendingEmail: pending?.email ?? null } };
  });

  // The email is not here: changing it asks for the password and a confirmation (PUT /api/core/me/email). The
  // mobile is only shown in the address book and used for no recovery, so an open session may change it.
  app.patch('/api/core/me', {
    schema: {
      body: Type.Object(
        {
          mobile: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$' }), Type.Null()])),
          language: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
          /** Show the email or the mobile on the person's card in the address book. */
          showEmail: Type.Optional(Type.Boolean()),
          showMobile: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false, minProperties: 1 },
      ),
      response: { 204: Type.Null(), ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { showEmail, showMobile, ...contact } = request.body;
    await knex('core.users').where({ id: user.id }).update({
      ...contact,
      ...(showEmail !== undefined ? { show_email: showEmail } : {}),
      ...(showMobile !== undefined ? { show_mobile: showMobile } : {}),
      updated_at: clock.now(),
    });
    await sessions.invalidateUser(user.id);
    return reply.code(204).send(null);
  });

  app.put('/api/core/me/password', {
    schema: {
      body: Type.Object({ currentPassword: PasswordSchema, newPassword: PasswordSchema }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    await requireCurrentPassword(deps, user, request.body.currentPassword, request.ip);
    checkPasswordPolicy(request.body.newPassword, deps.identity.passwordMinLength[user.profile]);
    const passwordHash = await hashPassword(request.body.newPassword);
    await knex.transaction(async (trx) => {
      await trx('core.users').where({ id: user.id }).update({ password_hash: passwordHash, updated_at: clock.now() });
      // Other sessions end, and so does an email change waiting for confirmation: changing a password is what
      // people do when they fear someone else has it.
      await trx('core.sessions').where({ user_id: user.id }).whereNot({ id: request.session!.sessionId }).delete();
      await trx('core.email_changes').where({ user_id: user.id }).delete();
      const schools = await schoolsOfUser(trx, user.id);
      await audit(trx, ...(schools.length ? schools : [null]).map((schoolId) => ({ action: 'password-changed' as const, schoolId, actorId: user.id, targetUserId: user.id, ip: request.ip })));
    });
    await sessions.invalidateUser(user.id);
    return reply.code(204).send(null);
  });

  app.get('/api/core/me/sessions', {
    schema: { response: { 200: Type.Array(SessionSchema), ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    const rows = await knex('core.sessions')
      .where({ user_id: user.id })
      .where('expires_at', '>', clock.now())
      .orderBy('last_seen_at', 'desc')
      .select('id', 'created_at', 'last_seen_at', 'ip', 'user_agent');
    return rows.map((row: { id: string; created_at: Date | string; last_seen_at: Date | string; ip: string | null; user_agent: string | null }) => ({
      id: row.id,
      current: row.id === request.session!.sessionId,
      createdAt: new Date(row.created_at).toISOString(),
      lastSeenAt: new Date(row.last_seen_at).toISOString(),
      ip: row.ip,
      userAgent: row.user_agent,
    }));
  });

  app.delete('/api/core/me/sessions/:sessionId', {
    schema: {
      params: Type.Object({ sessionId: Type.String({ minLength: 10, maxLength: 100 }) }),
      response: { 204: Type.Null(), ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const row = await knex('core.sessions').where({ id: request.params.sessionId, user_id: user.id }).first('id');
    if (!row) throw SessionNotFound();
    await sessions.destroy(row.id);
    return reply.code(204).send(null);
  });

  // "Log out everywhere": every session of the user, this one included.
  app.delete('/api/core/me/sessions', {
    schema: { response: { 204: Type.Null(), ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    await knex('core.sessions').where({ user_id: user.id }).delete();
    await sessions.invalidateUser(user.id);
    const schools = await schoolsOfUser(knex, user.id);
    await audit(knex, ...(schools.length ? schools : [null]).map((schoolId) => ({ action: 'sessions-revoked' as const, schoolId, actorId: user.id, targetUserId: user.id, ip: request.ip })));
    reply.clearCookie('preau_session', { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/core/me/export', {
    schema: { response: { 200: Type.Object({ exportedAt: Type.String(), core: Type.Unknown(), apps: Type.Record(Type.String(), Type.Unknown()) }), ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const apps: Record<string, unknown> = {};
    for (const exporter of deps.exporters()) apps[exporter.plugin] = await exporter.export(user.id);
    reply.header('content-disposition', `attachment; filename="preau-${user.login}.json"`);
    return { exportedAt: clock.now().toISOString(), core: await exportCoreData(knex, user.id), apps };
  });
}
