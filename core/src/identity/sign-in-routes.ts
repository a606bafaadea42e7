import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { SESSION_COOKIE } from './sessions.js';
import { verifyPassword, hashPassword } from './password.js';
import { openSessionWithCookie, type IdentityDeps } from './identity-deps.js';
import { audit, schoolsOfUser } from '../audit/audit-log.js';
import { BadCredentials, SignInSlowed } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { SignedInSchema } from '../web-api/identity-schemas.js';

// An argon2id hash of a random password, verified when the login does not exist, so that an unknown login
// and a wrong password take the same time.
const decoyHash = hashPassword(`decoy-${Math.random()}`);

export const LoginSchema = Type.String({ minLength: 1, maxLength: 100 });
export const PasswordSchema = Type.String({ minLength: 1, maxLength: 200 });

/** Sign-in (throttled, audited), sign-out, and the first-start setup. */
export async function signInRoutes(parent: FastifyInstance, deps: IdentityDeps): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, setup, throttle } = deps;

  app.get('/api/core/setup', {
    schema: { response: { 200: Type.Object({ required: Type.Boolean() }) } },
  }, async () => ({ required: !(await setup.isDone()) }));

  app.post('/api/core/setup', {
    schema: {
      body: Type.Object(
        {
          token: Type.String({ minLength: 10, maxLength: 100 }),
          login: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,60}$' }),
          displayName: Type.String({ minLength: 1, maxLength: 120 }),
          password: PasswordSchema,
        },
        { additionalProperties: false },
      ),
      response: { 201: SignedInSchema, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const userId = await setup.complete(request.body);
    return reply.code(201).send(await openSessionWithCookie(deps, request, reply, userId));
  });

  app.post('/api/core/session', {
    schema: {
      body: Type.Object({ login: LoginSchema, password: PasswordSchema }, { additionalProperties: false }),
      response: { 200: SignedInSchema, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const login = request.body.login.trim().toLowerCase();
    await throttle.assertOpen(login, request.ip);
    const user = await knex('core.users').where({ login }).first('id', 'password_hash', 'state');
    const valid = await verifyPassword(user?.password_hash ?? (await decoyHash), request.body.password);
    if (!user || !valid || user.state !== 'active') {
      const outcome = await throttle.recordFailure(login, request.ip);
      const schools = user ? await schoolsOfUser(knex, user.id) : [];
      const entry = { targetUserId: user?.id ?? null, ip: request.ip, details: { login, failures: outcome.failures } };
      const scoped = schools.length ? schools : [null];
      await audit(knex, ...scoped.map((schoolId) => ({ ...entry, schoolId, action: 'sign-in-failed' as const })));
      if (outcome.lockedUntil) {
        await audit(knex, ...scoped.map((schoolId) => ({ ...entry, schoolId, action: 'sign-in-locked' as const, details: { ...entry.details, lockedUntil: outcome.lockedUntil } })));
      }
      throw outcome.slowDownSeconds ? SignInSlowed(outcome.slowDownSeconds) : BadCredentials();
    }
    await throttle.recordSuccess(login, request.ip);
    const schools = await schoolsOfUser(knex, user.id);
    await audit(knex, ...(schools.length ? schools : [null]).map((schoolId) => ({ action: 'sign-in' as const, schoolId, actorId: user.id, targetUserId: user.id, ip: request.ip })));
    return openSessionWithCookie(deps, request, reply, user.id);
  });

  app.delete('/api/core/session', {
    schema: { response: { 204: Type.Null() } },
  }, async (request, reply) => {
    if (request.session) await deps.sessions.destroy(request.session.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
}
