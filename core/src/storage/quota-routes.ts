import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { Type } from '@sinclair/typebox';
import { Id, PROFILES, type Clock, type Profile, type TypeBoxTypeProvider } from '@preau/sdk';
import { requireAcademyAdmin, requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchoolMember } from '../structure/school-access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { audit } from '../audit/audit-log.js';
import { StorageQuotaAboveMax, StorageQuotaBelowProfile } from '../errors.js';
import { MAX_QUOTA_BYTES } from './quota.js';
import { listProfileQuotas, personQuota, setPersonQuota, setProfileQuotas } from './quota-settings.js';

const ProfileName = Type.Union(PROFILES.map((profile) => Type.Literal(profile)));
// Bytes; the maximum is checked in the handler so that the refusal is the coded French sentence.
const Bytes = Type.Integer({ minimum: 0 });
const ProfileQuotas = Type.Object({
  maxBytes: Type.Integer(),
  profiles: Type.Array(Type.Object({ profile: ProfileName, bytes: Type.Integer(), isDefault: Type.Boolean() })),
});
const PersonQuotaSchema = Type.Object({
  used: Type.Integer(),
  quota: Type.Integer(),
  profileQuota: Type.Integer(),
  personalQuota: Type.Union([Type.Integer(), Type.Null()]),
  maxBytes: Type.Integer(),
});
const PersonParams = Type.Object({ schoolId: Id(), userId: Id() });

/**
 * Storage quotas: the academy's administrators set one per profile (10 GiB for staff, 1 GiB for pupils and
 * families unless changed); a school's administrators raise one of their current members' (never past the
 * maximum, never below the profile's: what a school gives is more room). Leavers and other schools' people are
 * unknown here (404). Every change is audited; the next upload applies it.
 */
export async function quotaRoutes(
  parent: FastifyInstance,
  deps: { knex: Knex; clock: Clock; defaults: Readonly<Record<Profile, number>> },
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock, defaults } = deps;
  const belowMax = (bytes: number): void => {
    if (bytes > MAX_QUOTA_BYTES) throw StorageQuotaAboveMax(MAX_QUOTA_BYTES);
  };

  app.get('/api/core/storage/profile-quotas', {
    schema: { response: { 200: ProfileQuotas, ...ErrorResponses } },
  }, async (request) => {
    requireAcademyAdmin(requireUser(request));
    return { maxBytes: MAX_QUOTA_BYTES, profiles: await listProfileQuotas(knex, defaults) };
  });

  app.put('/api/core/storage/profile-quotas', {
    schema: {
      body: Type.Object({
        profiles: Type.Array(Type.Object({ profile: ProfileName, bytes: Bytes }, { additionalProperties: false }), { minItems: 1, maxItems: PROFILES.length }),
      }, { additionalProperties: false }),
      response: { 200: ProfileQuotas, ...ErrorResponses },
    },
  }, async (request) => {
    const actor = requireUser(request);
    requireAcademyAdmin(actor);
    const { profiles } = request.body;
    for (const { bytes } of profiles) belowMax(bytes);
    // The last value of a profile named twice wins, as it would in a form.
    const latest = [...new Map(profiles.map((p) => [p.profile, p])).values()];
    await knex.transaction(async (trx) => {
      const before = await listProfileQuotas(trx, defaults);
      await setProfileQuotas(trx, latest, actor.id, clock.now());
      await audit(trx, {
        action: 'storage-quota-changed', actorId: actor.id, schoolId: null, ip: request.ip,
        details: { profiles: latest.map((p) => ({ profile: p.profile, from: before.find((b) => b.profile === p.profile)?.bytes, to: p.bytes })) },
      });
    });
    return { maxBytes: MAX_QUOTA_BYTES, profiles: await listProfileQuotas(knex, defaults) };
  });

  app.get('/api/core/schools/:schoolId/users/:userId/storage', {
    schema: { params: PersonParams, response: { 200: PersonQuotaSchema, ...ErrorResponses } },
  }, async (request) => {
    const actor = requireUser(request);
    requireSchoolAdmin(actor, request.params.schoolId);
    await requireSchoolMember(knex, request.params.schoolId, request.params.userId);
    return personQuota(knex, request.params.userId, defaults);
  });

  app.put('/api/core/schools/:schoolId/users/:userId/storage', {
    schema: {
      params: PersonParams,
      // null: back to the profile's quota (first: the validator would otherwise coerce null to 0).
      body: Type.Object({ quotaBytes: Type.Union([Type.Null(), Bytes]) }, { additionalProperties: false }),
      response: { 200: PersonQuotaSchema, ...ErrorResponses },
    },
  }, async (request) => {
    const actor = requireUser(request);
    const { schoolId, userId } = request.params;
    requireSchoolAdmin(actor, schoolId);
    await requireSchoolMember(knex, schoolId, userId);
    const wanted = request.body.quotaBytes;
    if (wanted !== null) belowMax(wanted);
    await knex.transaction(async (trx) => {
      const before = await personQuota(trx, userId, defaults);
      if (wanted !== null && wanted < before.profileQuota) throw StorageQuotaBelowProfile(before.profileQuota);
      await setPersonQuota(trx, userId, wanted, { actorId: actor.id, schoolId, at: clock.now() }, before.profileQuota);
      await audit(trx, {
        action: 'storage-quota-changed', actorId: actor.id, targetUserId: userId, schoolId, ip: request.ip,
        details: { from: before.personalQuota, to: wanted },
      });
    });
    return personQuota(knex, userId, defaults);
  });
}
