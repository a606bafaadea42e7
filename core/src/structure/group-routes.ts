import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { frenchOrder, type TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool, requireSchoolStaff } from './school-access.js';
import { audit } from '../audit/audit-log.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { GroupSchema } from '../web-api/school-admin-schemas.js';
import { GroupNotFound, Forbidden } from '../errors.js';
import { Id } from '@preau/sdk';

const SchoolParams = Type.Object({ schoolId: Id() });
const GroupParams = Type.Object({ schoolId: Id(), groupId: Id() });
const GroupBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 160 }),
  memberIds: Type.Array(Id(), { maxItems: 2000, uniqueItems: true }),
}, { additionalProperties: false });

/**
 * Groups: the derived ones (per school and per class, for each profile) are listed and never edited by hand;
 * manual groups ("Chorale", "Conseil d'école") are created and filled by the school's administrators.
 */
export async function groupRoutes(parent: FastifyInstance, deps: { knex: Knex }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex } = deps;

  const groupsOf = async (schoolId: number, groupId?: number) => {
    const { rows } = await knex.raw(
      `select g.id, g.name, g.kind, g.profile, g.class_id as "classId",
              (select count(*)::int from core.group_members gm where gm.group_id = g.id) as members
         from core.groups g
         left join core.classes c on c.id = g.class_id
        where g.school_id = ? ${groupId ? 'and g.id = ?' : `and (c.id is null or c.start_year = (select max(start_year) from core.classes where school_id = g.school_id))`}
        order by case g.kind when 'school' then 0 when 'class' then 1 else 2 end, g.name`,
      groupId ? [schoolId, groupId] : [schoolId],
    );
    return rows;
  };

  const checkMembers = async (schoolId: number, memberIds: readonly number[]) => {
    if (memberIds.length === 0) return;
    const [row] = await knex('core.memberships').where({ school_id: schoolId }).whereNull('left_at').whereIn('user_id', memberIds).count<{ count: string }[]>('user_id as count');
    if (Number(row?.count) !== memberIds.length) throw Forbidden("ajouter au groupe quelqu'un qui n'est pas de l'école", 'add to the group someone who is not of the school');
  };

  app.get('/api/core/schools/:schoolId/groups', {
    schema: { params: SchoolParams, response: { 200: Type.Array(GroupSchema), ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    await requireSchool(knex, request.params.schoolId);
    requireSchoolStaff(user, request.params.schoolId);
    return groupsOf(request.params.schoolId);
  });

  app.get('/api/core/schools/:schoolId/groups/:groupId/members', {
    schema: {
      params: GroupParams,
      response: { 200: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String(), profile: Type.String() })), ...ErrorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    requireSchoolStaff(user, request.params.schoolId);
    const group = await knex('core.groups').where({ id: request.params.groupId, school_id: request.params.schoolId }).first('id');
    if (!group) throw GroupNotFound();
    return knex('core.group_members as gm').join('core.users as u', 'u.id', 'gm.user_id')
      .where('gm.group_id', group.id).orderByRaw(`${frenchOrder('u.display_name')}, u.display_name`).select('u.id', 'u.display_name as displayName', 'u.profile');
  });

  app.post('/api/core/schools/:schoolId/groups', {
    schema: { params: SchoolParams, body: GroupBody, response: { 201: GroupSchema, ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { schoolId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    await checkMembers(schoolId, request.body.memberIds);
    const id = await knex.transaction(async (trx) => {
      const [row] = await trx('core.groups').insert({ school_id: schoolId, kind: 'manual', name: request.body.name.trim(), created_by: user.id }).returning('id');
      if (request.body.memberIds.length) await trx('core.manual_group_members').insert(request.body.memberIds.map((user_id) => ({ group_id: row.id, user_id })));
      await audit(trx, { action: 'group-created', schoolId, actorId: user.id, ip: request.ip, details: { groupId: row.id, name: request.body.name, members: request.body.memberIds.length } });
      return row.id as number;
    });
    return reply.code(201).send((await groupsOf(schoolId, id))[0]);
  });

  app.put('/api/core/schools/:schoolId/groups/:groupId', {
    schema: { params: GroupParams, body: GroupBody, response: { 200: GroupSchema, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId, groupId } = request.params;
    requireSchoolAdmin(user, schoolId);
    const group = await knex('core.groups').where({ id: groupId, school_id: schoolId, kind: 'manual' }).first('id');
    if (!group) throw GroupNotFound();
    await checkMembers(schoolId, request.body.memberIds);
    await knex.transaction(async (trx) => {
      await trx('core.groups').where({ id: groupId }).update({ name: request.body.name.trim() });
      await trx('core.manual_group_members').where({ group_id: groupId }).delete();
      if (request.body.memberIds.length) await trx('core.manual_group_members').insert(request.body.memberIds.map((user_id) => ({ group_id: groupId, user_id })));
      await audit(trx, { action: 'group-updated', schoolId, actorId: user.id, ip: request.ip, details: { groupId, members: request.body.memberIds.length } });
    });
    return (await groupsOf(schoolId, groupId))[0];
  });

  app.delete('/api/core/schools/:schoolId/groups/:groupId', {
    schema: { params: GroupParams, response: { 204: Type.Null(), ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { schoolId, groupId } = request.params;
    requireSchoolAdmin(user, schoolId);
    const deleted = await knex.transaction(async (trx) => {
      const count = await trx('core.groups').where({ id: groupId, school_id: schoolId, kind: 'manual' }).delete();
      if (count) await audit(trx, { action: 'group-deleted', schoolId, actorId: user.id, ip: request.ip, details: { groupId } });
      return count;
    });
    if (!deleted) throw GroupNotFound();
    return reply.code(204).send(null);
  });
}
