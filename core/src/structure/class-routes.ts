import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { frenchOrder, type Clock, type TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireClassAccess, requireSchool, requireSchoolStaff } from './school-access.js';
import { currentStartYear } from './school-years.js';
import { ensureClassGroups, ensureSchoolGroups } from './groups.js';
import { audit } from '../audit/audit-log.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { ClassMembersSchema, ClassSchema } from '../web-api/school-admin-schemas.js';
import { Forbidden } from '../errors.js';
import { Id } from '@preau/sdk';

const Level = Type.Union(['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2', 'ULIS'].map((l) => Type.Literal(l)));
const SchoolParams = Type.Object({ schoolId: Id() });
const ClassParams = Type.Object({ schoolId: Id(), classId: Id() });

/** Classes of a school this year: listed by its staff, created and edited by its administrators. */
export async function classRoutes(parent: FastifyInstance, deps: { knex: Knex; clock: Clock }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;

  const classesOf = async (schoolId: number, startYear: number, classId?: number) => {
    const { rows } = await knex.raw(
      `select c.id, c.label, c.levels, c.onde_id as "ondeId", c.start_year as "startYear",
              (select count(*)::int from core.class_members cm join core.users u on u.id = cm.user_id
                where cm.class_id = c.id and u.profile = 'Student') as pupils,
              coalesce((select json_agg(json_build_object('id', u.id, 'displayName', u.display_name) order by ${frenchOrder('u.display_name')}, u.display_name)
                          from core.class_members cm join core.users u on u.id = cm.user_id
                         where cm.class_id = c.id and u.profile in ('Teacher', 'Personnel')), '[]') as teachers
         from core.classes c where c.school_id = ? and c.start_year = ? ${classId ? 'and c.id = ?' : ''}
        order by c.label`,
      classId ? [schoolId, startYear, classId] : [schoolId, startYear],
    );
    return rows;
  };

  app.get('/api/core/schools/:schoolId/classes', {
    schema: { params: SchoolParams, response: { 200: Type.Array(ClassSchema), ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    await requireSchool(knex, request.params.schoolId);
    requireSchoolStaff(user, request.params.schoolId);
    return classesOf(request.params.schoolId, await currentStartYear(knex, clock.now()));
  });

  app.post('/api/core/schools/:schoolId/classes', {
    schema: {
      params: SchoolParams,
      body: Type.Object({ label: Type.String({ minLength: 1, maxLength: 120 }), levels: Type.Array(Level, { minItems: 1, maxItems: 5, uniqueItems: true }) }, { additionalProperties: false }),
      response: { 201: ClassSchema, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { schoolId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    const startYear = await currentStartYear(knex, clock.now());
    const id = await knex.transaction(async (trx) => {
      const [row] = await trx('core.classes').insert({ school_id: schoolId, start_year: startYear, label: request.body.label.trim(), levels: request.body.levels }).returning('id');
      await ensureSchoolGroups(trx, schoolId);
      await ensureClassGroups(trx, schoolId, [{ id: row.id, label: request.body.label.trim() }]);
      await audit(trx, { action: 'class-created', schoolId, actorId: user.id, ip: request.ip, details: { classId: row.id, label: request.body.label } });
      return row.id as number;
    });
    return reply.code(201).send((await classesOf(schoolId, startYear, id))[0]);
  });

  app.patch('/api/core/schools/:schoolId/classes/:classId', {
    schema: {
      params: ClassParams,
      body: Type.Object({ label: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })), levels: Type.Optional(Type.Array(Level, { minItems: 1, maxItems: 5, uniqueItems: true })) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: ClassSchema, ...ErrorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId, classId } = request.params;
    requireSchoolAdmin(user, schoolId);
    const found = await requireClassAccess(knex, user, schoolId, classId);
    await knex.transaction(async (trx) => {
      await trx('core.classes').where({ id: classId }).update({ ...(request.body.label ? { label: request.body.label.trim() } : {}), ...(request.body.levels ? { levels: request.body.levels } : {}) });
      if (request.body.label) await ensureClassGroups(trx, schoolId, [{ id: classId, label: request.body.label.trim() }]);
      await audit(trx, { action: 'class-updated', schoolId, actorId: user.id, ip: request.ip, details: { classId, ...request.body } });
    });
    return (await classesOf(schoolId, found.start_year, classId))[0];
  });

  // The teachers and staff of a class (ONDE does not export them): replaces the list.
  app.put('/api/core/schools/:schoolId/classes/:classId/teachers', {
    schema: {
      params: ClassParams,
      body: Type.Object({ userIds: Type.Array(Id(), { maxItems: 20, uniqueItems: true }) }, { additionalProperties: false }),
      response: { 200: ClassSchema, ...ErrorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId, classId } = request.params;
    requireSchoolAdmin(user, schoolId);
    const found = await requireClassAccess(knex, user, schoolId, classId);
    const staff = await knex('core.users as u').join('core.memberships as m', 'm.user_id', 'u.id')
      .where('m.school_id', schoolId).whereNull('m.left_at').whereIn('u.profile', ['Teacher', 'Personnel']).whereIn('u.id', request.body.userIds).select('u.id');
    if (staff.length !== request.body.userIds.length) throw Forbidden("affecter à cette classe quelqu'un qui n'enseigne pas dans l'école", 'assign to this class someone who does not teach in the school');
    await knex.transaction(async (trx) => {
      await trx.raw(`delete from core.class_members cm using core.users u where u.id = cm.user_id and cm.class_id = ? and u.profile in ('Teacher', 'Personnel')`, [classId]);
      if (request.body.userIds.length) await trx('core.class_members').insert(request.body.userIds.map((id) => ({ class_id: classId, user_id: id })));
      await audit(trx, { action: 'class-updated', schoolId, actorId: user.id, ip: request.ip, details: { classId, teachers: request.body.userIds } });
    });
    return (await classesOf(schoolId, found.start_year, classId))[0];
  });

  app.get('/api/core/schools/:schoolId/classes/:classId/members', {
    schema: {
      params: ClassParams,
      response: {
        200: ClassMembersSchema,
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId, classId } = request.params;
    await requireClassAccess(knex, user, schoolId, classId);
    // Current members of the school only: someone who left is out of its reach (a class of a past year keeps its lists).
    const { rows } = await knex.raw(
      `select u.id, u.display_name as "displayName", u.login, u.state, u.profile,
              coalesce((select json_agg(json_build_object('id', r.id, 'displayName', r.display_name, 'login', r.login, 'state', r.state) order by ${frenchOrder('r.display_name')}, r.display_name)
                          from core.relative_links rl join core.users r on r.id = rl.relative_id
                          join core.memberships rm on rm.user_id = r.id and rm.school_id = :school and rm.left_at is null
                         where rl.pupil_id = u.id), '[]') as relatives
         from core.class_members cm join core.users u on u.id = cm.user_id
         join core.memberships m on m.user_id = u.id and m.school_id = :school and m.left_at is null
        where cm.class_id = :class order by ${frenchOrder('u.display_name')}, u.display_name`,
      { school: schoolId, class: classId },
    );
    const pupils = rows.filter((r: { profile: string }) => r.profile === 'Student').map(({ profile: _p, ...r }: { profile: string }) => r);
    const teachers = rows.filter((r: { profile: string }) => r.profile !== 'Student').map(({ profile: _p, relatives: _r, ...r }: { profile: string; relatives: unknown }) => r);
    return { pupils, teachers };
  });
}
