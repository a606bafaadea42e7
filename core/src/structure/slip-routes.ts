import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { fileNameSlug, type Clock, type TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { administers, requireUser } from '../identity/access.js';
import { announceAccessResets } from '../identity/access-reset.js';
import type { SessionStore } from '../identity/sessions.js';
import type { Mailer } from '../mail/mailer.js';
import { AccessResetNeedsAdmin } from '../errors.js';
import { requireClassAccess, requireSchool } from './school-access.js';
import { issueClassSlips, renderSlipsHtml, type SlipSheet } from './activation-slips.js';
import { renderSlipsPdf } from './activation-slips-pdf.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { Id } from '@preau/sdk';

/**
 * Activation slips of a class: a POST, because printing issues new codes (the previous ones of the same people
 * stop working). The director or the class's teacher prints them for the start-of-year meeting; slips for
 * accounts already activated (`only: 'all'`) reset those accounts, which only the school's administrators do.
 */
export async function slipRoutes(
  parent: FastifyInstance,
  deps: { knex: Knex; clock: Clock; sessions: SessionStore; mailer: Mailer; activationKey: Buffer; codeDays: number; publicUrl: string },
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;

  app.post('/api/core/schools/:schoolId/classes/:classId/activation-slips', {
    schema: {
      params: Type.Object({ schoolId: Id(), classId: Id() }),
      body: Type.Object({
        /** `pending`: people who have not activated their account yet (the default); `all`: everyone (administrators only). */
        only: Type.Union([Type.Literal('pending'), Type.Literal('all')], { default: 'pending' }),
        format: Type.Union([Type.Literal('html'), Type.Literal('pdf'), Type.Literal('json')], { default: 'html' }),
        userIds: Type.Optional(Type.Array(Id(), { minItems: 1, maxItems: 500, uniqueItems: true })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Union([
          Type.String(),
          Type.Unsafe<Buffer>({}),
          Type.Object({
            classLabel: Type.String(),
            expiresAt: Type.String(),
            slips: Type.Array(Type.Object({ userId: Type.Integer(), displayName: Type.String(), login: Type.String(), profile: Type.String(), code: Type.String(), children: Type.Array(Type.String()) })),
          }),
        ]),
        ...ErrorResponses,
      },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { schoolId, classId } = request.params;
    const school = await requireSchool(knex, schoolId);
    const found = await requireClassAccess(knex, user, schoolId, classId);
    if (request.body.only === 'all' && !administers(user, schoolId)) throw AccessResetNeedsAdmin();
    const { slips, resets } = await issueClassSlips(knex, {
      schoolId, classId, only: request.body.only, userIds: request.body.userIds, activationKey: deps.activationKey,
      codeDays: deps.codeDays, clock, actorId: user.id, ip: request.ip,
    });
    await announceAccessResets({ ...deps, log: request.log }, { userIds: resets, schoolId, actorId: user.id, ip: request.ip, at: clock.now() });
    const expiresAt = new Date(clock.now().getTime() + deps.codeDays * 86_400_000);
    const sheet: SlipSheet = { school: { name: school.name, city: school.city }, classLabel: found.label, url: deps.publicUrl, expiresAt, slips };
    // The codes are in the answer: nothing may keep a copy.
    reply.header('cache-control', 'no-store');
    if (request.body.format === 'json') return { classLabel: found.label, expiresAt: expiresAt.toISOString(), slips };
    const name = `fiches-activation-${fileNameSlug(found.label)}`;
    if (request.body.format === 'pdf') {
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(renderSlipsPdf(sheet));
    }
    return reply.type('text/html; charset=utf-8').send(renderSlipsHtml(sheet));
  });
}
