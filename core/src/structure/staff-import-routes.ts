import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Clock, TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool } from './school-access.js';
import { importStaff, readStaffFile } from './staff-import.js';
import { BadRequest, StaffFileInvalid } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { Id } from '@preau/sdk';

/** The teachers and staff CSV of a school: `?dryRun=true` previews, without it the import is written. */
export async function staffImportRoutes(
  parent: FastifyInstance,
  deps: { knex: Knex; clock: Clock; activationKey: Buffer; codeDays: number; maxFileMb: number },
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/core/schools/:schoolId/imports/staff', {
    schema: {
      params: Type.Object({ schoolId: Id() }),
      querystring: Type.Object({ dryRun: Type.Boolean({ default: false }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          dryRun: Type.Boolean(),
          created: Type.Integer(),
          unchanged: Type.Integer(),
          classAssignments: Type.Integer(),
          directors: Type.Integer(),
          problems: Type.Array(Type.Object({ file: Type.String(), line: Type.Integer(), code: Type.String(), message: Type.String() })),
          codes: Type.Array(Type.Object({ login: Type.String(), displayName: Type.String(), code: Type.String() })),
        }),
        ...ErrorResponses,
      },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { schoolId } = request.params;
    await requireSchool(deps.knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    if (!request.isMultipart()) throw BadRequest('envoyez le fichier en multipart/form-data (champ « staff »)');
    let bytes: Buffer | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'staff') bytes = await part.toBuffer();
      else if (part.type === 'file') part.file.resume();
    }
    if (!bytes?.length) throw StaffFileInvalid('aucun fichier reçu');
    const rows = readStaffFile(bytes);
    const result = await importStaff(deps.knex, {
      schoolId, rows, now: deps.clock.now(), activationKey: deps.activationKey, codeDays: deps.codeDays, actorId: user.id, dryRun: request.query.dryRun,
    });
    reply.header('cache-control', 'no-store');
    return { dryRun: request.query.dryRun, ...result };
  });
}
