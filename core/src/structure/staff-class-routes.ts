import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Id, type Clock, type TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchoolMember } from './school-access.js';
import { currentStartYear } from './school-years.js';
import { listSchoolPeople } from './school-people.js';
import { UserRowSchema as UserRow } from '../web-api/school-admin-schemas.js';
import { audit } from '../audit/audit-log.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { ClassNotFound, Forbidden } from '../errors.js';

/**
 * The classes a teacher or staff member works in this school year, from their row of the users table (the
 * class page sets a class's teachers the other way round). Replaces the list; past years are left as they were.
 */
export async function staffClassRoutes(parent: FastifyInstance, deps: { knex: Knex; clock: Clock }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;

  app.put('/api/core/schools/:schoolId/users/:userId/classes', {
    schema: {
      params: Type.Object({ schoolId: Id(), userId: Id() }),
      body: Type.Object({ classIds: Type.Array(Id(), { maxItems: 20, uniqueItems: true }) }, { additionalProperties: false }),
      response: { 200: UserRow, ...ErrorResponses },
    },
  }, async (request) => {
    const actor = requireUser(request);
    const { schoolId, userId } = request.params;
    requireSchoolAdmin(actor, schoolId);
    const target = await requireSchoolMember(knex, schoolId, userId);
    if (!['Teacher', 'Personnel'].includes(target.profile)) throw Forbidden("affecter à une classe quelqu'un qui n'enseigne pas dans l'école", 'assign to a class someone who does not teach in the school');
    const now = clock.now();
    const startYear = await currentStartYear(knex, now);
    const { classIds } = request.body;
    const found = classIds.length ? await knex('core.classes').where({ school_id: schoolId, start_year: startYear }).whereIn('id', classIds).pluck('id') : [];
    if (found.length !== classIds.length) throw ClassNotFound();
    await knex.transaction(async (trx) => {
      await trx.raw(
        `delete from core.class_members cm using core.classes c
          where c.id = cm.class_id and cm.user_id = ? and c.school_id = ? and c.start_year = ?`,
        [userId, schoolId, startYear],
      );
      if (classIds.length) await trx('core.class_members').insert(classIds.map((class_id) => ({ class_id, user_id: userId })));
      await audit(trx, { action: 'user-updated', schoolId, actorId: actor.id, targetUserId: userId, ip: request.ip, details: { classIds } });
    });
    const [row] = await listSchoolPeople(knex, schoolId, startYear, now, { ids: [userId], limit: 1, offset: 0 });
    return row!;
  });
}
