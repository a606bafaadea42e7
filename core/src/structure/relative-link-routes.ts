import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool, requireSchoolMember } from './school-access.js';
import { audit } from '../audit/audit-log.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { BadRequest } from '../errors.js';
import { Id } from '@preau/sdk';

const LinkParams = Type.Object({
  schoolId: Id(),
  pupilId: Id(),
  relativeId: Id(),
});

/**
 * A school's administrators link a relative to a pupil by hand, or undo a link: a guardian ONDE does not know
 * yet (a new partner given parental authority, a foster family), or a link that is wrong. Both must be members
 * of the school (a parent new to it is first created in its people). The next ONDE import keeps what ONDE says.
 */
export async function relativeLinkRoutes(parent: FastifyInstance, deps: { knex: Knex }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex } = deps;

  // Linking and unlinking check the same things, write in one transaction with their audit line, and answer 204.
  const change = (linked: boolean) => async (request: FastifyRequest<{ Params: Static<typeof LinkParams> }>, reply: FastifyReply) => {
    const actor = requireUser(request);
    const { schoolId, pupilId, relativeId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(actor, schoolId);
    const pupil = await requireSchoolMember(knex, schoolId, pupilId);
    const relative = await requireSchoolMember(knex, schoolId, relativeId);
    if (pupil.profile !== 'Student') throw BadRequest(`${pupil.login} n'est pas un élève`);
    if (relative.profile !== 'Relative') throw BadRequest(`${relative.login} n'est pas un responsable`);
    await knex.transaction(async (trx) => {
      const link = { relative_id: relativeId, pupil_id: pupilId };
      if (linked) await trx('core.relative_links').insert(link).onConflict(['relative_id', 'pupil_id']).ignore();
      else await trx('core.relative_links').where(link).delete();
      await audit(trx, { action: linked ? 'relative-linked' : 'relative-unlinked', schoolId, actorId: actor.id, targetUserId: relativeId, ip: request.ip, details: { pupilId } });
    });
    return reply.code(204).send(null);
  };
  const schema = { params: LinkParams, response: { 204: Type.Null(), ...ErrorResponses } };
  app.put('/api/core/schools/:schoolId/pupils/:pupilId/relatives/:relativeId', { schema }, change(true));
  app.delete('/api/core/schools/:schoolId/pupils/:pupilId/relatives/:relativeId', { schema }, change(false));
}
