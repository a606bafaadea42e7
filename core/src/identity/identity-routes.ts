import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { SESSION_COOKIE, type SessionStore } from './sessions.js';
import type { Setup } from './setup.js';
import { verifyPassword, hashPassword } from './password.js';
import { requireUser } from './access.js';
import { BadCredentials } from '../errors.js';
import { CurrentUserSchema, ErrorResponses } from '../http/common-schemas.js';

// An argon2id hash of a random password, verified when the login does not exist, so that an unknown login
// and a wrong password take the same time.
const decoyHash = hashPassword(`decoy-${Math.random()}`);

const Login = Type.String({ minLength: 1, maxLength: 100 });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const SignedIn = Type.Object({ user: CurrentUserSchema, csrfToken: Type.String() });

/** Sign-in, sign-out, the current user, and the first-start setup. */
export async function identityRoutes(
  parent: FastifyInstance,
  deps: { knex: Knex; sessions: SessionStore; setup: Setup; secureCookies: boolean; absoluteHours: number },
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, sessions, setup } = deps;

  const openSession = async (userId: number, request: { ip: string; headers: Record<string, unknown> }) => {
    const opened = await sessions.create(userId, { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
    const resolved = await sessions.resolve(opened.token);
    return { ...opened, user: resolved!.user };
  };
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.secureCookies,
    maxAge: deps.absoluteHours * 3600,
  };

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
          password: Password,
        },
        { additionalProperties: false },
      ),
      response: { 201: SignedIn, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const userId = await setup.complete(request.body);
    const opened = await openSession(userId, request);
    reply.setCookie(SESSION_COOKIE, opened.token, cookieOptions);
    return reply.code(201).send({ user: opened.user, csrfToken: opened.csrfToken });
  });

  app.post('/api/core/session', {
    schema: {
      body: Type.Object({ login: Login, password: Password }, { additionalProperties: false }),
      response: { 200: SignedIn, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = await knex('core.users')
      .where({ login: request.body.login.trim().toLowerCase() })
      .first('id', 'password_hash', 'state');
    const valid = await verifyPassword(user?.password_hash ?? (await decoyHash), request.body.password);
    if (!user || !valid || user.state !== 'active') throw BadCredentials();
    const opened = await openSession(user.id, request);
    reply.setCookie(SESSION_COOKIE, opened.token, cookieOptions);
    return { user: opened.user, csrfToken: opened.csrfToken };
  });

  app.delete('/api/core/session', {
    schema: { response: { 204: Type.Null() } },
  }, async (request, reply) => {
    if (request.session) await sessions.destroy(request.session.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/core/me', {
    schema: { response: { 200: SignedIn, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    return { user, csrfToken: request.session!.csrfToken };
  });
}
