import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { PROFILES, type Clock, type TypeBoxTypeProvider, Id, MAX_ID } from '@preau/sdk';
import type { Knex } from 'knex';
import { administers, isAcademyAdmin, requireSchoolAdmin, requireUser } from '../identity/access.js';
import { issueActivationCodes } from '../identity/activation-codes.js';
import { announceAccessResets, recordAccessResets } from '../identity/access-reset.js';
import type { Mailer } from '../mail/mailer.js';
import { allocateLogins, displayNameOf, loginBase } from '../identity/logins.js';
import type { SessionStore } from '../identity/sessions.js';
import type { SignInThrottle } from '../identity/sign-in-throttle.js';
import { mayActOnPerson, requireSchool, requireSchoolMember, requireSchoolStaff } from './school-access.js';
import { currentStartYear } from './school-years.js';
import { ensureSchoolGroups } from './groups.js';
import { listSchoolPeople, type PeopleFilters } from './school-people.js';
import { IssuedCodeSchema as IssuedCode, ReissuedCodeSchema as ReissuedCode, UserRowSchema as UserRow } from '../web-api/school-admin-schemas.js';
import { audit } from '../audit/audit-log.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { AccessResetNeedsAdmin, ClassNotFound, EmailOwnedByPerson, Forbidden } from '../errors.js';

const STAFF_PROFILES: readonly string[] = ['Teacher', 'Personnel'];
const SchoolParams = Type.Object({ schoolId: Id() });
const UserParams = Type.Object({ schoolId: Id(), userId: Id() });
const ProfileSchema = Type.Union(PROFILES.map((p) => Type.Literal(p)));

/**
 * People of a school, for its administrators: search, create by hand, edit, block, unlock, re-issue codes.
 * Only its current members: someone who left is unknown here (404), as if they had never come.
 */
export async function userAdminRoutes(
  parent: FastifyInstance,
  deps: { knex: Knex; clock: Clock; sessions: SessionStore; throttle: SignInThrottle; mailer: Mailer; publicUrl: string; activationKey: Buffer; codeDays: number },
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;

  const listUsers = async (schoolId: number, filters: PeopleFilters) =>
    listSchoolPeople(knex, schoolId, await currentStartYear(knex, clock.now()), clock.now(), filters);

  // `reset`: the account was already activated (only its school's administrators get here with one).
  const issueOne = async (schoolId: number, userId: number, actorId: number, ip: string, reset = false) => {
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + deps.codeDays * 86_400_000);
    return knex.transaction(async (trx) => {
      const codes = await issueActivationCodes(trx, deps.activationKey, [userId], { expiresAt, createdBy: actorId, now });
      await audit(trx, { action: 'codes-issued', schoolId, actorId, targetUserId: userId, ip, details: { count: 1 } });
      if (reset) await recordAccessResets(trx, { userIds: [userId], schoolId, actorId, ip, at: now });
      const { login } = await trx('core.users').where({ id: userId }).first('login');
      return { userId, login, code: codes.get(userId)!, expiresAt: expiresAt.toISOString() };
    });
  };

  app.get('/api/core/schools/:schoolId/users', {
    schema: {
      params: SchoolParams,
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 100 })),
        profile: Type.Optional(ProfileSchema),
        state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('blocked'), Type.Literal('left')])),
        classId: Type.Optional(Id()),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        offset: Type.Integer({ minimum: 0, maximum: MAX_ID, default: 0 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(UserRow), ...ErrorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    await requireSchool(knex, request.params.schoolId);
    requireSchoolAdmin(user, request.params.schoolId);
    return listUsers(request.params.schoolId, request.query);
  });

  // Accounts made by hand (a teacher, a partner, a pupil who arrived mid-year): pending, with a first code.
  app.post('/api/core/schools/:schoolId/users', {
    schema: {
      params: SchoolParams,
      body: Type.Object({
        profile: ProfileSchema,
        firstName: Type.String({ minLength: 1, maxLength: 80 }),
        lastName: Type.String({ minLength: 1, maxLength: 80 }),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        classIds: Type.Optional(Type.Array(Id(), { maxItems: 10, uniqueItems: true })),
        birthDate: Type.Optional(Type.String({ format: 'date' })),
        /** Functions in the school, for teachers and staff only (a local administrator: named by the academy). */
        director: Type.Optional(Type.Boolean()),
        localAdmin: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ user: UserRow, activation: IssuedCode }), ...ErrorResponses },
    },
  }, async (request, reply) => {
    const actor = requireUser(request);
    const { schoolId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(actor, schoolId);
    const body = request.body;
    const classIds = body.classIds ?? [];
    const functions = [...(body.director ? ['director'] : []), ...(body.localAdmin ? ['local-admin'] : [])];
    if (functions.length && !STAFF_PROFILES.includes(body.profile)) throw Forbidden('donner une fonction à un élève, un parent ou un invité', 'give a function to a pupil, a parent or a guest');
    if (body.localAdmin && !isAcademyAdmin(actor)) throw Forbidden('nommer un administrateur local', 'name a local administrator');
    if (classIds.length) {
      const found = await knex('core.classes').where({ school_id: schoolId }).whereIn('id', classIds).count<{ count: string }[]>('id as count');
      if (Number(found[0]!.count) !== classIds.length) throw ClassNotFound();
    }
    const userId = await knex.transaction(async (trx) => {
      const [login] = await allocateLogins(trx, [loginBase(body.firstName, body.lastName)]);
      const [row] = await trx('core.users').insert({
        login, display_name: displayNameOf(body.firstName, body.lastName), profile: body.profile,
        first_name: body.firstName.trim(), last_name: body.lastName.trim(), email: body.email ?? null, birth_date: body.birthDate ?? null,
      }).returning('id');
      await trx('core.memberships').insert({ user_id: row.id, school_id: schoolId });
      if (classIds.length) await trx('core.class_members').insert(classIds.map((class_id) => ({ class_id, user_id: row.id })));
      for (const fn of functions) {
        await trx('core.user_functions').insert({ user_id: row.id, function: fn, school_id: schoolId });
        await audit(trx, { action: 'function-granted', schoolId, actorId: actor.id, targetUserId: row.id, ip: request.ip, details: { function: fn } });
      }
      await ensureSchoolGroups(trx, schoolId);
      await audit(trx, { action: 'user-created', schoolId, actorId: actor.id, targetUserId: row.id, ip: request.ip, details: { profile: body.profile } });
      return row.id as number;
    });
    const activation = await issueOne(schoolId, userId, actor.id, request.ip);
    const [created] = await listUsers(schoolId, { ids: [userId], limit: 1, offset: 0 });
    return reply.code(201).send({ user: created!, activation });
  });

  app.patch('/api/core/schools/:schoolId/users/:userId', {
    schema: {
      params: UserParams,
      body: Type.Object({
        firstName: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
        lastName: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
        email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: UserRow, ...ErrorResponses },
    },
  }, async (request) => {
    const actor = requireUser(request);
    const { schoolId, userId } = request.params;
    requireSchoolAdmin(actor, schoolId);
    const target = await requireSchoolMember(knex, schoolId, userId);
    // Once activated, the address belongs to the person: set by an administrator, it would receive the reset links.
    if (request.body.email !== undefined && target.state !== 'pending') throw EmailOwnedByPerson();
    await knex.transaction(async (trx) => {
      const current = await trx('core.users').where({ id: userId }).first('first_name', 'last_name');
      const firstName = request.body.firstName ?? current.first_name ?? '';
      const lastName = request.body.lastName ?? current.last_name ?? '';
      await trx('core.users').where({ id: userId }).update({
        ...(request.body.firstName || request.body.lastName ? { first_name: firstName, last_name: lastName, display_name: displayNameOf(firstName, lastName) } : {}),
        ...(request.body.email !== undefined ? { email: request.body.email } : {}),
        updated_at: clock.now(),
      });
      await audit(trx, { action: 'user-updated', schoolId, actorId: actor.id, targetUserId: userId, ip: request.ip, details: { fields: Object.keys(request.body) } });
    });
    await deps.sessions.invalidateUser(userId);
    return (await listUsers(schoolId, { ids: [userId], limit: 1, offset: 0 }))[0];
  });

  for (const [action, state] of [['block', 'blocked'], ['unblock', 'active']] as const) {
    app.post(`/api/core/schools/:schoolId/users/:userId/${action}`, {
      schema: { params: UserParams, response: { 200: UserRow, ...ErrorResponses } },
    }, async (request) => {
      const actor = requireUser(request);
      const { schoolId, userId } = request.params;
      requireSchoolAdmin(actor, schoolId);
      const target = await requireSchoolMember(knex, schoolId, userId);
      if (userId === actor.id) throw Forbidden('bloquer votre propre compte', 'block your own account');
      // An administrator of the academy can only be blocked by another one.
      const targetIsAcademyAdmin = await knex('core.user_functions').where({ user_id: userId, function: 'academy-admin' }).first('user_id');
      if (targetIsAcademyAdmin && !isAcademyAdmin(actor)) throw Forbidden('bloquer un administrateur de l’académie', 'block an academy administrator');
      await knex.transaction(async (trx) => {
        // Unblocking someone who never activated gives back "pending", not an active account without a password.
        const next = state === 'active' && !(await trx('core.users').where({ id: userId }).whereNotNull('password_hash').first('id')) ? 'pending' : state;
        await trx('core.users').where({ id: userId }).update({ state: next, updated_at: clock.now() });
        if (state === 'blocked') await trx('core.sessions').where({ user_id: userId }).delete();
        await audit(trx, { action: state === 'blocked' ? 'user-blocked' : 'user-unblocked', schoolId, actorId: actor.id, targetUserId: userId, ip: request.ip, details: { login: target.login } });
      });
      // Every process forgets its cached session of this user now: the next request is refused.
      await deps.sessions.invalidateUser(userId);
      return (await listUsers(schoolId, { ids: [userId], limit: 1, offset: 0 }))[0];
    });
  }

  app.post('/api/core/schools/:schoolId/users/:userId/unlock', {
    schema: { params: UserParams, response: { 204: Type.Null(), ...ErrorResponses } },
  }, async (request, reply) => {
    const actor = requireUser(request);
    const { schoolId, userId } = request.params;
    requireSchoolAdmin(actor, schoolId);
    const target = await requireSchoolMember(knex, schoolId, userId);
    await deps.throttle.unlock(target.login);
    await audit(knex, { action: 'user-unblocked', schoolId, actorId: actor.id, targetUserId: userId, ip: request.ip, details: { unlockedSignIn: true } });
    return reply.code(204).send(null);
  });

  // A new code for someone who lost theirs or their password (pupils have no email): the old code stops working.
  // Teachers give codes to the pending accounts of their classes. Whoever holds a code chooses the password, so
  // a new code for an activated account resets its access: the school's administrators only, its sessions end,
  // it is audited and the person is told by email.
  app.post('/api/core/schools/:schoolId/users/:userId/activation-code', {
    schema: { params: UserParams, response: { 201: ReissuedCode, ...ErrorResponses } },
  }, async (request, reply) => {
    const actor = requireUser(request);
    const { schoolId, userId } = request.params;
    requireSchoolStaff(actor, schoolId);
    const target = await requireSchoolMember(knex, schoolId, userId);
    if (!(await mayActOnPerson(knex, actor, schoolId, userId, await currentStartYear(knex, clock.now())))) throw Forbidden("donner un code d'activation à cette personne", 'give this person an activation code');
    if (target.state === 'blocked') throw Forbidden("donner un code d'activation à un compte bloqué", 'give a blocked account an activation code');
    const targetIsAdmin = await knex('core.user_functions').where({ user_id: userId }).first('function');
    if (targetIsAdmin && !administers(actor, schoolId)) throw Forbidden("donner un code d'activation à un administrateur", 'give an administrator an activation code');
    const reset = target.state === 'active';
    if (reset && !administers(actor, schoolId)) throw AccessResetNeedsAdmin();
    const issued = await issueOne(schoolId, userId, actor.id, request.ip, reset);
    const emailed = reset ? await announceAccessResets({ ...deps, log: request.log }, { userIds: [userId], schoolId, actorId: actor.id, ip: request.ip, at: clock.now() }) : [];
    return reply.code(201).send({ ...issued, reset, emailed: emailed.length > 0 });
  });

  // Functions in a school: academy administrators name directors and local administrators; a school's
  // administrators may name its director.
  app.put('/api/core/schools/:schoolId/users/:userId/functions', {
    schema: {
      params: UserParams,
      body: Type.Object({ director: Type.Boolean(), localAdmin: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: UserRow, ...ErrorResponses },
    },
  }, async (request) => {
    const actor = requireUser(request);
    const { schoolId, userId } = request.params;
    requireSchoolAdmin(actor, schoolId);
    const target = await requireSchoolMember(knex, schoolId, userId);
    const current = await knex('core.user_functions').where({ user_id: userId, school_id: schoolId }).pluck('function');
    if (request.body.localAdmin !== current.includes('local-admin') && !isAcademyAdmin(actor)) throw Forbidden('nommer un administrateur local', 'appoint a local administrator');
    if (!['Teacher', 'Personnel'].includes(target.profile)) throw Forbidden('donner une fonction à un élève, un parent ou un invité', 'give a function to a pupil, a relative or a guest');
    await knex.transaction(async (trx) => {
      for (const [fn, wanted] of [['director', request.body.director], ['local-admin', request.body.localAdmin]] as const) {
        if (wanted && !current.includes(fn)) {
          await trx('core.user_functions').insert({ user_id: userId, function: fn, school_id: schoolId });
          await audit(trx, { action: 'function-granted', schoolId, actorId: actor.id, targetUserId: userId, ip: request.ip, details: { function: fn } });
        } else if (!wanted && current.includes(fn)) {
          await trx('core.user_functions').where({ user_id: userId, function: fn, school_id: schoolId }).delete();
          await audit(trx, { action: 'function-revoked', schoolId, actorId: actor.id, targetUserId: userId, ip: request.ip, details: { function: fn } });
        }
      }
    });
    await deps.sessions.invalidateUser(userId);
    return (await listUsers(schoolId, { ids: [userId], limit: 1, offset: 0 }))[0];
  });
}
