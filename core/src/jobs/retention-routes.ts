import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Clock, TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool } from '../structure/school-access.js';
import { leaversToDelete } from './retention.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { Id } from '@preau/sdk';

/**
 * The dry-run report of the retention job for a school: whose account the coming runs will delete, and when,
 * so that a director can check before anything goes (a pupil detached by mistake is re-attached by an import).
 */
export async function retentionRoutes(parent: FastifyInstance, deps: { knex: Knex; clock: Clock; leaverDays: number }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/core/schools/:schoolId/retention', {
    schema: {
      params: Type.Object({ schoolId: Id() }),
      querystring: Type.Object({ withinDays: Type.Integer({ minimum: 0, maximum: 366, default: 30 }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          leaverDays: Type.Integer(),
          accounts: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String(), profile: Type.String(), leftAt: Type.String(), deletedOn: Type.String() })),
        }),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    await requireSchool(deps.knex, request.params.schoolId);
    requireSchoolAdmin(user, request.params.schoolId);
    const horizon = new Date(deps.clock.now().getTime() + (request.query.withinDays - deps.leaverDays) * 86_400_000);
    const accounts = await leaversToDelete(deps.knex, horizon, request.params.schoolId);
    return {
      leaverDays: deps.leaverDays,
      accounts: accounts.map(({ schoolId: _s, ...a }) => ({ ...a, deletedOn: new Date(new Date(a.leftAt).getTime() + deps.leaverDays * 86_400_000).toISOString().slice(0, 10) })),
    };
  });
}
