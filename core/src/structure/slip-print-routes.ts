import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { fileNameSlug, Id, type Clock, type TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireUser } from '../identity/access.js';
import { activationCodeMatches } from '../identity/activation-codes.js';
import { SlipCodesOutdated } from '../errors.js';
import { requireClassAccess, requireSchool } from './school-access.js';
import { classSlipPeople, renderSlipsHtml, type SlipSheet } from './activation-slips.js';
import { renderSlipsPdf } from './activation-slips-pdf.js';
import { ErrorResponses } from '../http/common-schemas.js';

/**
 * One batch of slips, printed again in the other form (the page, then the PDF) without issuing new codes: the
 * browser sends back the codes it was given, and they are printed only while each is still that person's
 * current code. Nothing is stored in clear, and whoever sends a code already holds it.
 */
export async function slipPrintRoutes(parent: FastifyInstance, deps: { knex: Knex; clock: Clock; activationKey: Buffer; publicUrl: string }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;

  app.post('/api/core/schools/:schoolId/classes/:classId/activation-slips/print', {
    schema: {
      params: Type.Object({ schoolId: Id(), classId: Id() }),
      body: Type.Object({
        format: Type.Union([Type.Literal('html'), Type.Literal('pdf')]),
        slips: Type.Array(Type.Object({ userId: Id(), code: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Union([Type.String(), Type.Unsafe<Buffer>({})]), ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { schoolId, classId } = request.params;
    const school = await requireSchool(knex, schoolId);
    const found = await requireClassAccess(knex, user, schoolId, classId);
    const wanted = new Map(request.body.slips.map((s) => [s.userId, s.code]));
    const people = await classSlipPeople(knex, { schoolId, classId, only: 'all', userIds: [...wanted.keys()] });
    const codes = await knex('core.activation_codes').whereIn('user_id', people.map((p) => p.userId)).where('expires_at', '>', clock.now())
      .select('user_id', 'code_hash', 'expires_at');
    const current = new Map(codes.map((c: { user_id: number; code_hash: string; expires_at: Date }) => [c.user_id, c]));
    const valid = people.filter((p) => current.has(p.userId) && activationCodeMatches(deps.activationKey, wanted.get(p.userId)!, current.get(p.userId)!.code_hash));
    if (valid.length !== wanted.size) throw SlipCodesOutdated();
    const expiresAt = new Date(Math.min(...valid.map((p) => new Date(current.get(p.userId)!.expires_at).getTime())));
    const sheet: SlipSheet = {
      school: { name: school.name, city: school.city }, classLabel: found.label, url: deps.publicUrl, expiresAt,
      slips: valid.map(({ state: _state, ...p }) => ({ ...p, code: wanted.get(p.userId)! })),
    };
    reply.header('cache-control', 'no-store');
    if (request.body.format === 'pdf') {
      return reply.type('application/pdf').header('content-disposition', `inline; filename="fiches-activation-${fileNameSlug(found.label)}.pdf"`).send(renderSlipsPdf(sheet));
    }
    return reply.type('text/html; charset=utf-8').send(renderSlipsHtml(sheet));
  });
}
