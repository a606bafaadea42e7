import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Profile, TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { activationCodeMatches } from './activation-codes.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import { openSessionWithCookie, type IdentityDeps } from './identity-deps.js';
import { LoginSchema, PasswordSchema } from './sign-in-routes.js';
import { ActivationCheckSchema, SignedInSchema } from '../web-api/identity-schemas.js';
import { audit, schoolsOfUser } from '../audit/audit-log.js';
import { ActivationCodeInvalid, CharterNotAccepted, SignInSlowed } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';

const CodeSchema = Type.String({ minLength: 6, maxLength: 40 });
const EmailSchema = Type.String({ format: 'email', maxLength: 200 });
const MobileSchema = Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$' });

interface CodeHolder {
  id: number;
  display_name: string;
  profile: Profile;
  /** The address on file (from ONDE or the school), shown on the form so that the person can correct it. */
  email: string | null;
  code_hash: string;
}

/**
 * First sign-in with the code from the activation slip: check the code (throttled like a password), then
 * choose a password, accept the charter, optionally give an email and a mobile. A re-issued code also lets
 * someone already active choose a new password (pupils have no email to recover one).
 */
export async function activationRoutes(parent: FastifyInstance, deps: IdentityDeps): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, throttle, clock } = deps;

  const verify = async (db: Knex, login: string, code: string, ip: string, lock = false): Promise<CodeHolder> => {
    if (!lock) await throttle.assertOpen(login, ip);
    const query = db('core.users as u')
      .join('core.activation_codes as c', 'c.user_id', 'u.id')
      .where('u.login', login)
      .whereIn('u.state', ['pending', 'active'])
      .where('c.expires_at', '>', clock.now())
      .first('u.id', 'u.display_name', 'u.profile', 'u.email', 'c.code_hash');
    if (lock) query.forUpdate();
    const holder: CodeHolder | undefined = await query;
    if (!holder || !activationCodeMatches(deps.activationKey, code, holder.code_hash)) {
      // Inside the write transaction only a concurrent use of the same slip gets here; counting it would need a
      // second connection, which PGlite (one connection) does not have.
      if (lock) throw ActivationCodeInvalid();
      const outcome = await throttle.recordFailure(login, ip);
      const user = holder ?? (await knex('core.users').where({ login }).first('id'));
      const schools = user ? await schoolsOfUser(knex, user.id) : [];
      await audit(knex, ...(schools.length ? schools : [null]).map((schoolId) => ({
        action: 'activation-failed' as const, schoolId, targetUserId: user?.id ?? null, ip, details: { login, failures: outcome.failures },
      })));
      throw outcome.slowDownSeconds ? SignInSlowed(outcome.slowDownSeconds) : ActivationCodeInvalid();
    }
    return holder;
  };

  app.post('/api/core/activation/check', {
    schema: {
      body: Type.Object({ login: LoginSchema, code: CodeSchema }, { additionalProperties: false }),
      response: {
        200: ActivationCheckSchema,
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const holder = await verify(knex, request.body.login.trim().toLowerCase(), request.body.code, request.ip);
    return {
      displayName: holder.display_name,
      profile: holder.profile,
      email: holder.email,
      charter: deps.identity.charter,
      passwordMinLength: deps.identity.passwordMinLength[holder.profile],
    };
  });

  app.post('/api/core/activation', {
    schema: {
      body: Type.Object(
        {
          login: LoginSchema,
          code: CodeSchema,
          password: PasswordSchema,
          acceptCharter: Type.Boolean(),
          email: Type.Optional(EmailSchema),
          mobile: Type.Optional(MobileSchema),
        },
        { additionalProperties: false },
      ),
      response: { 201: SignedInSchema, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const login = request.body.login.trim().toLowerCase();
    if (!request.body.acceptCharter) throw CharterNotAccepted();
    // Checked before the password is hashed so that a weak password costs nothing and does not burn the code.
    const preview = await verify(knex, login, request.body.code, request.ip);
    checkPasswordPolicy(request.body.password, deps.identity.passwordMinLength[preview.profile]);
    const passwordHash = await hashPassword(request.body.password);
    const now = clock.now();
    const userId = await knex.transaction(async (trx) => {
      // The code is used once: the row lock makes a second submission of the same slip fail.
      const holder = await verify(trx, login, request.body.code, request.ip, true);
      await trx('core.activation_codes').where({ user_id: holder.id }).delete();
      await trx('core.users').where({ id: holder.id }).update({
        password_hash: passwordHash,
        state: 'active',
        charter_accepted_at: now,
        activated_at: trx.raw('coalesce(activated_at, ?)', [now]),
        updated_at: now,
        ...(request.body.email !== undefined ? { email: request.body.email } : {}),
        ...(request.body.mobile !== undefined ? { mobile: request.body.mobile } : {}),
      });
      // A new password ends every earlier session (a lost or stolen password is one reason to re-issue a code).
      await trx('core.sessions').where({ user_id: holder.id }).delete();
      const schools = await schoolsOfUser(trx, holder.id);
      await audit(trx, ...(schools.length ? schools : [null]).map((schoolId) => ({
        action: 'activation' as const, schoolId, actorId: holder.id, targetUserId: holder.id, ip: request.ip,
      })));
      return holder.id;
    });
    await deps.sessions.invalidateUser(userId);
    await throttle.recordSuccess(login, request.ip);
    return reply.code(201).send(await openSessionWithCookie(deps, request, reply, userId));
  });
}
