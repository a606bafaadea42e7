import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { PROFILES, type Clock, type CurrentUser, type NotifyService, type TypeBoxTypeProvider, Id } from '@preau/sdk';
import type { Knex } from 'knex';
import { administers, isAcademyAdmin, requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool } from '../structure/school-access.js';
import { audit } from '../audit/audit-log.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { BadRequest, Forbidden, GatewayNotFound, GroupOutsideSchool } from '../errors.js';

/**
 * A group of a gateway. `name` is null for a group of the receiving school (B) shown to someone who does not
 * administer it: the proposer learns nothing of the other school's groups (class labels name teachers, manual
 * groups name projects). `profile` is given for school-wide groups only ("the teachers of B"), which every
 * school has.
 */
const GroupRef = Type.Object({
  id: Type.Integer(),
  name: Type.Union([Type.String(), Type.Null()]),
  profile: Type.Union([Type.Union(PROFILES.map((p) => Type.Literal(p))), Type.Null()]),
});
const GatewaySchema = Type.Object({
  id: Type.Integer(),
  schoolA: Type.Object({ id: Type.Integer(), name: Type.String() }),
  schoolB: Type.Object({ id: Type.Integer(), name: Type.String() }),
  status: Type.String(),
  purpose: Type.Union([Type.String(), Type.Null()]),
  endsOn: Type.Union([Type.String(), Type.Null()]),
  pairs: Type.Array(Type.Object({ a: GroupRef, b: GroupRef })),
});
type Gateway = Static<typeof GatewaySchema>;
const IdParams = Type.Object({ gatewayId: Id() });

/**
 * Gateways (passerelles) between two schools: a local administrator of school A proposes, an administrator of
 * school B accepts or refuses; an academy administrator opens one directly. Either side closes it, at once.
 * What opens is a list of pairs of groups (the teachers of A and of B; the pupils of two CM2 classes).
 */
export async function gatewayRoutes(parent: FastifyInstance, deps: { knex: Knex; clock: Clock; notify: NotifyService }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;

  /**
   * The gateways as `viewer` may see them: the proposing school (A) shows its groups to the school it asks, to
   * decide on; the names of B's groups are for B's administrators (and the academy's) only.
   */
  const describe = async (ids: number[], viewer: CurrentUser): Promise<Gateway[]> => {
    if (ids.length === 0) return [];
    const { rows } = await knex.raw(
      `select w.id, json_build_object('id', a.id, 'name', a.name) as "schoolA", json_build_object('id', b.id, 'name', b.name) as "schoolB",
              w.status, w.purpose, w.ends_on as "endsOn",
              coalesce((select json_agg(json_build_object(
                                 'a', json_build_object('id', ga.id, 'name', ga.name, 'profile', case when ga.kind = 'school' then ga.profile end),
                                 'b', json_build_object('id', gb.id, 'name', gb.name, 'profile', case when gb.kind = 'school' then gb.profile end)) order by ga.name, gb.id)
                          from core.gateway_pairs p join core.groups ga on ga.id = p.group_a join core.groups gb on gb.id = p.group_b
                         where p.gateway_id = w.id), '[]') as pairs
         from core.gateways w join core.schools a on a.id = w.school_a join core.schools b on b.id = w.school_b
        where w.id = any(?::int[]) order by w.id desc`,
      [ids],
    );
    return (rows as Gateway[]).map((gateway) =>
      isAcademyAdmin(viewer) || administers(viewer, gateway.schoolB.id)
        ? gateway
        : { ...gateway, pairs: gateway.pairs.map((pair) => ({ a: pair.a, b: { ...pair.b, name: null } })) });
  };
  const schoolName = async (id: number) => (await knex('core.schools').where({ id }).first('name')).name as string;
  /** Tells the administrators of a school (or one person) about a gateway, in their timeline and by email. */
  const tell = async (
    type: 'gateway-proposed' | 'gateway-answered' | 'gateway-closed', to: { school?: number; user?: number | null }, actor: number, gatewayId: number, about: number, url: number,
    extra: Record<string, string> = {},
  ) => {
    const users = to.user ? [to.user] : await knex('core.user_functions').where({ school_id: to.school }).whereIn('function', ['director', 'local-admin']).distinct().pluck('user_id');
    if (users.length === 0) return;
    await deps.notify.send({
      type,
      recipients: { users },
      actor,
      resource: { app: 'core', id: String(gatewayId), url: `/admin/schools/${url}/communication` },
      params: { school: await schoolName(about), ...extra },
    });
  };

  const load = async (gatewayId: number) => {
    const gateway = await knex('core.gateways').where({ id: gatewayId }).first('id', 'school_a', 'school_b', 'status', 'proposed_by');
    if (!gateway) throw GatewayNotFound();
    return gateway as { id: number; school_a: number; school_b: number; status: string; proposed_by: number | null };
  };

  app.get('/api/core/gateways', {
    schema: {
      querystring: Type.Object({ schoolId: Type.Optional(Id()) }, { additionalProperties: false }),
      response: { 200: Type.Array(GatewaySchema), ...ErrorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId } = request.query;
    if (schoolId) requireSchoolAdmin(user, schoolId);
    else if (!isAcademyAdmin(user)) throw Forbidden("voir les passerelles de toute l'académie", "see the gateways of the whole academy");
    const query = knex('core.gateways');
    if (schoolId) query.where((q) => q.where({ school_a: schoolId }).orWhere({ school_b: schoolId }));
    return describe(await query.pluck('id'), user);
  });

  app.post('/api/core/gateways', {
    schema: {
      body: Type.Object({
        schoolA: Id(),
        schoolB: Id(),
        /** Open the school-wide groups of these profiles to each other (teachers of A ↔ teachers of B…). */
        profiles: Type.Optional(Type.Array(Type.Union(PROFILES.map((p) => Type.Literal(p))), { maxItems: 5, uniqueItems: true })),
        /** Or chosen pairs of groups (the CM2 of A ↔ the CM2 of B). */
        pairs: Type.Optional(Type.Array(Type.Object({ groupA: Id(), groupB: Id() }, { additionalProperties: false }), { maxItems: 50 })),
        purpose: Type.Optional(Type.String({ maxLength: 300 })),
        endsOn: Type.Optional(Type.String({ format: 'date' })),
      }, { additionalProperties: false }),
      response: { 201: GatewaySchema, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const body = request.body;
    if (body.schoolA === body.schoolB) throw BadRequest('une passerelle relie deux écoles différentes');
    await requireSchool(knex, body.schoolA);
    await requireSchool(knex, body.schoolB);
    requireSchoolAdmin(user, body.schoolA);
    const pairs = [...(body.pairs ?? []).map((p) => ({ a: p.groupA, b: p.groupB }))];
    if (body.profiles?.length) {
      const groups = await knex('core.groups').where({ kind: 'school' }).whereIn('school_id', [body.schoolA, body.schoolB]).whereIn('profile', body.profiles).select('id', 'school_id', 'profile');
      for (const profile of body.profiles) {
        const a = groups.find((g: { school_id: number; profile: string }) => g.school_id === body.schoolA && g.profile === profile);
        const b = groups.find((g: { school_id: number; profile: string }) => g.school_id === body.schoolB && g.profile === profile);
        if (a && b) pairs.push({ a: a.id, b: b.id });
      }
    }
    if (pairs.length === 0) throw BadRequest('choisissez au moins un profil ou une paire de groupes');
    const owners = new Map((await knex('core.groups').whereIn('id', pairs.flatMap((p) => [p.a, p.b])).select('id', 'school_id')).map((g: { id: number; school_id: number }) => [g.id, g.school_id]));
    if (pairs.some((p) => owners.get(p.a) !== body.schoolA || owners.get(p.b) !== body.schoolB)) throw GroupOutsideSchool();
    const open = isAcademyAdmin(user);
    const id = await knex.transaction(async (trx) => {
      const [row] = await trx('core.gateways').insert({
        school_a: body.schoolA, school_b: body.schoolB, status: open ? 'open' : 'proposed', purpose: body.purpose ?? null, ends_on: body.endsOn ?? null,
        proposed_by: user.id, created_at: clock.now(), ...(open ? { decided_by: user.id, decided_at: clock.now() } : {}),
      }).returning('id');
      await trx('core.gateway_pairs').insert(pairs.map((p) => ({ gateway_id: row.id, group_a: p.a, group_b: p.b }))).onConflict().ignore();
      const action = open ? 'gateway-opened' as const : 'gateway-proposed' as const;
      await audit(trx, ...[body.schoolA, body.schoolB].map((schoolId) => ({ action, schoolId, actorId: user.id, ip: request.ip, details: { gatewayId: row.id } })));
      return row.id as number;
    });
    if (!open) await tell('gateway-proposed', { school: body.schoolB }, user.id, id, body.schoolA, body.schoolB);
    return reply.code(201).send((await describe([id], user))[0]!);
  });

  for (const [action, from, to, who] of [
    ['accept', 'proposed', 'open', 'b'],
    ['refuse', 'proposed', 'refused', 'b'],
    ['close', 'open', 'closed', 'either'],
  ] as const) {
    app.post(`/api/core/gateways/:gatewayId/${action}`, {
      schema: { params: IdParams, response: { 200: GatewaySchema, ...ErrorResponses } },
    }, async (request) => {
      const user = requireUser(request);
      const gateway = await load(request.params.gatewayId);
      const allowed = who === 'b' ? administers(user, gateway.school_b) : administers(user, gateway.school_a) || administers(user, gateway.school_b);
      if (!allowed) throw who === 'b'
          ? Forbidden("décider d'une passerelle proposée à une autre école", 'decide on a gateway proposed to another school')
          : Forbidden('fermer cette passerelle', 'close this gateway');
      if (gateway.status !== from && !(action === 'close' && gateway.status === 'proposed')) throw GatewayNotFound();
      await knex.transaction(async (trx) => {
        await trx('core.gateways').where({ id: gateway.id }).update({ status: to, decided_by: user.id, decided_at: clock.now() });
        const audited = to === 'open' ? 'gateway-opened' as const : to === 'refused' ? 'gateway-refused' as const : 'gateway-closed' as const;
        await audit(trx, ...[gateway.school_a, gateway.school_b].map((schoolId) => ({ action: audited, schoolId, actorId: user.id, ip: request.ip, details: { gatewayId: gateway.id } })));
      });
      if (action !== 'close' && gateway.proposed_by) {
        const answer = action === 'accept' ? { answerFr: 'accepté', answerEn: 'accepted' } : { answerFr: 'refusé', answerEn: 'refused' };
        await tell('gateway-answered', { user: gateway.proposed_by }, user.id, gateway.id, gateway.school_b, gateway.school_a, answer);
      }
      // Closing tells the other side's administrators (an academy administrator closing tells both sides).
      if (action === 'close' && gateway.status === 'open') {
        for (const [school, other] of [[gateway.school_a, gateway.school_b], [gateway.school_b, gateway.school_a]] as const) {
          if (!administers(user, school) || isAcademyAdmin(user)) await tell('gateway-closed', { school }, user.id, gateway.id, other, school);
        }
      }
      return (await describe([gateway.id], user))[0]!;
    });
  }
}
