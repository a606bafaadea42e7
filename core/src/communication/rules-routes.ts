import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool } from '../structure/school-access.js';
import { audit } from '../audit/audit-log.js';
import { LIVE_GROUP_SQL } from './reach-sql.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { GroupOutsideSchool } from '../errors.js';
import { Id } from '@preau/sdk';

const GroupRef = Type.Object({ id: Type.Integer(), name: Type.String() });
const RulesSchema = Type.Object({
  custom: Type.Boolean(),
  rules: Type.Array(Type.Object({ from: GroupRef, to: GroupRef })),
});
const SchoolParams = Type.Object({ schoolId: Id() });
const PairParams = Type.Object({ schoolId: Id(), fromGroupId: Id(), toGroupId: Id() });

// The default rules of one school as rows (see reach-sql.ts for what they say).
const DEFAULT_EDGES_SQL = `
  select f.id as from_id, t.id as to_id from core.groups f join core.groups t on t.school_id = f.school_id
   where f.school_id = :school and f.kind = 'school' and f.profile in ('Teacher', 'Personnel')
  union
  select f.id, t.id from core.groups f join core.groups t on t.class_id = f.class_id
   where f.school_id = :school and f.kind = 'class'
     and ((f.profile = 'Student' and t.profile in ('Student', 'Teacher')) or (f.profile = 'Relative' and t.profile in ('Teacher', 'Relative')))`;

/**
 * A school's communication rules, as edges between its groups. Until an administrator changes one, the school
 * follows the defaults; the first change copies the defaults into rows, and "reset" goes back to them.
 */
export async function rulesRoutes(parent: FastifyInstance, deps: { knex: Knex }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex } = deps;

  const rulesOf = async (db: Knex, schoolId: number) => {
    const school = await db('core.schools').where({ id: schoolId }).first('custom_communication');
    const edges = school.custom_communication
      ? `select from_group_id as from_id, to_group_id as to_id from core.communication_rules where school_id = :school`
      : DEFAULT_EDGES_SQL;
    const { rows } = await db.raw(
      `select json_build_object('id', f.id, 'name', f.name) as "from", json_build_object('id', t.id, 'name', t.name) as "to"
         from (${edges}) e join core.groups f on f.id = e.from_id join core.groups t on t.id = e.to_id
        where ${LIVE_GROUP_SQL.replace(/g\./g, 'f.')} and ${LIVE_GROUP_SQL.replace(/g\./g, 't.')}
        order by f.name, t.name`,
      { school: schoolId },
    );
    return { custom: school.custom_communication as boolean, rules: rows };
  };

  /** Copies the defaults into rows the first time a school changes its rules. */
  const makeCustom = async (trx: Knex.Transaction, schoolId: number, userId: number) => {
    const school = await trx('core.schools').where({ id: schoolId }).forUpdate().first('custom_communication');
    if (school.custom_communication) return;
    await trx.raw(
      `insert into core.communication_rules (school_id, from_group_id, to_group_id, created_by)
       select :school, from_id, to_id, :user from (${DEFAULT_EDGES_SQL}) d on conflict do nothing`,
      { school: schoolId, user: userId },
    );
    await trx('core.schools').where({ id: schoolId }).update({ custom_communication: true });
  };

  const checkGroups = async (schoolId: number, ids: number[]) => {
    const found = await knex('core.groups').where({ school_id: schoolId }).whereIn('id', ids).pluck('id');
    if (new Set(found).size !== new Set(ids).size) throw GroupOutsideSchool();
  };

  app.get('/api/core/schools/:schoolId/communication/rules', {
    schema: { params: SchoolParams, response: { 200: RulesSchema, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    await requireSchool(knex, request.params.schoolId);
    requireSchoolAdmin(user, request.params.schoolId);
    return rulesOf(knex, request.params.schoolId);
  });

  app.put('/api/core/schools/:schoolId/communication/rules/:fromGroupId/:toGroupId', {
    schema: { params: PairParams, response: { 200: RulesSchema, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId, fromGroupId, toGroupId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    await checkGroups(schoolId, [fromGroupId, toGroupId]);
    await knex.transaction(async (trx) => {
      await makeCustom(trx, schoolId, user.id);
      await trx('core.communication_rules').insert({ school_id: schoolId, from_group_id: fromGroupId, to_group_id: toGroupId, created_by: user.id }).onConflict(['from_group_id', 'to_group_id']).ignore();
      await audit(trx, { action: 'communication-rule-added', schoolId, actorId: user.id, ip: request.ip, details: { fromGroupId, toGroupId } });
    });
    return rulesOf(knex, schoolId);
  });

  app.delete('/api/core/schools/:schoolId/communication/rules/:fromGroupId/:toGroupId', {
    schema: { params: PairParams, response: { 200: RulesSchema, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId, fromGroupId, toGroupId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    await checkGroups(schoolId, [fromGroupId, toGroupId]);
    await knex.transaction(async (trx) => {
      await makeCustom(trx, schoolId, user.id);
      await trx('core.communication_rules').where({ school_id: schoolId, from_group_id: fromGroupId, to_group_id: toGroupId }).delete();
      await audit(trx, { action: 'communication-rule-removed', schoolId, actorId: user.id, ip: request.ip, details: { fromGroupId, toGroupId } });
    });
    return rulesOf(knex, schoolId);
  });

  app.post('/api/core/schools/:schoolId/communication/rules/reset', {
    schema: { params: SchoolParams, response: { 200: RulesSchema, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    await knex.transaction(async (trx) => {
      await trx('core.communication_rules').where({ school_id: schoolId }).delete();
      await trx('core.schools').where({ id: schoolId }).update({ custom_communication: false });
      await audit(trx, { action: 'communication-rules-reset', schoolId, actorId: user.id, ip: request.ip });
    });
    return rulesOf(knex, schoolId);
  });
}
