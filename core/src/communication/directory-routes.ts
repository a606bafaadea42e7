import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { frenchOrder, PROFILES, type Clock, type CommunicationService, type TypeBoxTypeProvider, Id } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireUser } from '../identity/access.js';
import { currentStartYear } from '../structure/school-years.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { UserNotFound } from '../errors.js';

const UserHit = Type.Object({ id: Type.Integer(), displayName: Type.String(), profile: Type.String(), schoolIds: Type.Array(Type.Integer()) });
const GroupHit = Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), schoolId: Type.Integer(), members: Type.Integer() });
const Nullable = Type.Union([Type.String(), Type.Null()]);

/**
 * The address book: only people and groups the communication rules let the user write to. A person outside
 * them is a 404, not a 403, so the directory cannot be used to learn who exists.
 */
export async function directoryRoutes(parent: FastifyInstance, deps: { knex: Knex; clock: Clock; communication: CommunicationService }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, communication } = deps;

  app.get('/api/core/directory/search', {
    schema: {
      querystring: Type.Object({
        q: Type.String({ maxLength: 100, default: '' }),
        profile: Type.Optional(Type.Union(PROFILES.map((p) => Type.Literal(p)))),
        schoolId: Type.Optional(Id()),
        limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          users: Type.Array(UserHit),
          groups: Type.Array(GroupHit),
          /** The names of the hits' schools the user is not a member of (reached through a gateway), to tell namesakes apart. */
          otherSchools: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
        }),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { q, profile, schoolId, limit } = request.query;
    const hits = await communication.visibleRecipients(user.id, { query: q, profile, schoolId, limit });
    const mine = new Set(user.schools.map((s) => s.id));
    const others = [...new Set([...hits.users.flatMap((u) => u.schoolIds), ...hits.groups.map((g) => g.schoolId)])].filter((id) => !mine.has(id));
    const otherSchools = others.length ? await knex('core.schools').whereIn('id', others).orderBy('name').select('id', 'name') : [];
    return { ...hits, otherSchools };
  });

  app.get('/api/core/directory/people/:userId', {
    schema: {
      params: Type.Object({ userId: Id() }),
      response: {
        200: Type.Object({
          id: Type.Integer(),
          displayName: Type.String(),
          profile: Type.String(),
          schools: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
          classes: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String() })),
          email: Nullable,
          mobile: Nullable,
        }),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { userId } = request.params;
    if (userId !== user.id && !(await communication.canCommunicate(user.id, { users: [userId] })).all) throw UserNotFound();
    const person = await knex('core.users').where({ id: userId }).first('id', 'display_name', 'profile', 'email', 'mobile', 'show_email', 'show_mobile');
    if (!person) throw UserNotFound();
    const startYear = await currentStartYear(knex, deps.clock.now());
    const schools = await knex('core.memberships as m').join('core.schools as s', 's.id', 'm.school_id')
      .where('m.user_id', userId).whereNull('m.left_at').orderBy('s.name').select('s.id', 's.name');
    const classes = await knex('core.class_members as cm').join('core.classes as c', 'c.id', 'cm.class_id')
      .where({ 'cm.user_id': userId, 'c.start_year': startYear }).orderBy('c.label').select('c.id', 'c.label');
    return {
      id: person.id,
      displayName: person.display_name,
      profile: person.profile,
      schools,
      classes,
      // Only what the person chose to show (their own card shows everything to themselves).
      email: person.show_email || userId === user.id ? person.email : null,
      mobile: person.show_mobile || userId === user.id ? person.mobile : null,
    };
  });

  // For a relative: the teachers of each child's class this year.
  app.get('/api/core/directory/my-childrens-teachers', {
    schema: {
      response: {
        200: Type.Array(Type.Object({
          child: Type.Object({ id: Type.Integer(), displayName: Type.String() }),
          classLabel: Type.String(),
          teachers: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
        })),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    const startYear = await currentStartYear(knex, deps.clock.now());
    const { rows } = await knex.raw(
      `select json_build_object('id', p.id, 'displayName', p.display_name) as child, c.label as "classLabel",
              coalesce((select json_agg(json_build_object('id', t.id, 'displayName', t.display_name) order by ${frenchOrder('t.display_name')}, t.display_name)
                          from core.class_members tm join core.users t on t.id = tm.user_id
                         where tm.class_id = c.id and t.profile in ('Teacher', 'Personnel') and t.state <> 'blocked'), '[]') as teachers
         from core.relative_links rl
         join core.users p on p.id = rl.pupil_id
         join core.class_members cm on cm.user_id = p.id
         join core.classes c on c.id = cm.class_id and c.start_year = ?
        where rl.relative_id = ?
        order by ${frenchOrder('p.display_name')}, p.display_name, c.label`,
      [startYear, user.id],
    );
    return rows;
  });
}
