import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { createSchool, listSchools } from './schools.js';
import { isAcademyAdmin, requireAcademyAdmin, requireUser } from '../identity/access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { Forbidden, SchoolNotFound } from '../errors.js';
import { SchoolSchema } from '../web-api/school-admin-schemas.js';


/** Schools: academy administrators create them; each administrator lists those they administer. */
export async function schoolRoutes(parent: FastifyInstance, deps: { knex: Knex }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/core/schools', {
    schema: { response: { 200: Type.Array(SchoolSchema), ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    if (isAcademyAdmin(user)) return listSchools(deps.knex);
    const administered = user.functions
      .filter((f) => f.function === 'director' || f.function === 'local-admin')
      .map((f) => f.schoolId!);
    return listSchools(deps.knex, administered);
  });

  // A school by its UAI (the national code every school knows, public in the Éducation nationale's directory): how
  // the administrator of one school names another when proposing a gateway to it.
  app.get('/api/core/schools/by-uai/:uai', {
    schema: {
      params: Type.Object({ uai: Type.String({ pattern: '^[0-9]{7}[A-Za-z]$' }) }),
      response: { 200: Type.Object({ id: Type.Integer(), uai: Type.String(), name: Type.String(), city: Type.Union([Type.String(), Type.Null()]) }), ...ErrorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    const administers = isAcademyAdmin(user) || user.functions.some((f) => f.function === 'director' || f.function === 'local-admin');
    if (!administers) throw Forbidden('chercher une école par son code UAI', 'look a school up by its UAI code');
    const school = await deps.knex('core.schools').whereRaw('upper(uai) = ?', [request.params.uai.toUpperCase()]).first('id', 'uai', 'name', 'city');
    if (!school) throw SchoolNotFound(request.params.uai.toUpperCase());
    return school;
  });

  app.post('/api/core/schools', {
    schema: {
      body: Type.Object(
        {
          uai: Type.String({ pattern: '^[0-9]{7}[A-Za-z]$' }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          city: Type.Optional(Type.String({ maxLength: 100 })),
          academy: Type.Optional(Type.String({ maxLength: 100 })),
        },
        { additionalProperties: false },
      ),
      response: { 201: SchoolSchema, ...ErrorResponses },
    },
  }, async (request, reply) => {
    requireAcademyAdmin(requireUser(request));
    return reply.code(201).send(await createSchool(deps.knex, request.body));
  });
}
