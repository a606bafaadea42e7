import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool } from '../structure/school-access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { AuditEntrySchema as Entry } from '../web-api/school-admin-schemas.js';
import { Id, BigId } from '@preau/sdk';


/** The audit log of a school, newest first, for its administrators only. */
export async function auditRoutes(parent: FastifyInstance, deps: { knex: Knex }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/core/schools/:schoolId/audit', {
    schema: {
      params: Type.Object({ schoolId: Id() }),
      querystring: Type.Object({
        action: Type.Optional(Type.String({ pattern: '^[a-z-]{3,40}$' })),
        /** Entries older than this id (the next page). */
        before: Type.Optional(BigId()),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(Entry), ...ErrorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    await requireSchool(deps.knex, request.params.schoolId);
    requireSchoolAdmin(user, request.params.schoolId);
    const query = deps.knex('core.audit_log as a')
      .leftJoin('core.users as actor', 'actor.id', 'a.actor_id')
      .leftJoin('core.users as target', 'target.id', 'a.target_user_id')
      .where('a.school_id', request.params.schoolId)
      .orderBy('a.id', 'desc')
      .limit(request.query.limit)
      .select('a.id', 'a.at', 'a.action', 'actor.display_name as actor', 'target.display_name as target', 'a.ip', 'a.details');
    if (request.query.action) query.where('a.action', request.query.action);
    if (request.query.before) query.where('a.id', '<', request.query.before);
    const rows = await query;
    return rows.map((r: { id: number; at: Date; action: string; actor: string | null; target: string | null; ip: string | null; details: unknown }) => ({ ...r, at: new Date(r.at).toISOString() }));
  });
}
