import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { PROFILES, type Profile, type TypeBoxTypeProvider, Id } from '@preau/sdk';
import type { Knex } from 'knex';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { Rights } from '../plugins/rights.js';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { audit } from '../audit/audit-log.js';
import { AppUnknown, RightUnknown, SchoolNotFound } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';

const Title = Type.Object({ fr: Type.String(), en: Type.String() });
const ProfileSchema = Type.Union(PROFILES.map((p) => Type.Literal(p)));
const RightParams = Type.Object({
  schoolId: Id(),
  app: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40 }),
  right: Type.String({ pattern: '^[a-z][a-zA-Z0-9-]*$', maxLength: 60 }),
});
const SchoolRight = Type.Object({
  app: Type.String(),
  appTitle: Title,
  right: Type.String(),
  title: Type.Union([Title, Type.Null()]),
  defaults: Type.Array(ProfileSchema),
  profiles: Type.Array(ProfileSchema),
  overridden: Type.Boolean(),
});

/** A school's administrators choose which profiles hold each app's workflow rights in their school. */
export async function rightRoutes(parent: FastifyInstance, deps: { registry: PluginRegistry; rights: Rights; knex: Knex }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { registry, rights, knex } = deps;
  const schoolExists = async (schoolId: number): Promise<void> => {
    if (!(await knex('core.schools').where({ id: schoolId }).first('id'))) throw SchoolNotFound(String(schoolId));
  };
  const describe = (schoolId: number) => registry.active().flatMap((record) =>
    Object.entries(record.manifest?.rights ?? {}).map(([right, declared]) => ({
      app: record.name,
      appTitle: record.manifest!.title,
      right,
      title: declared.title ?? null,
      defaults: [...declared.default],
      profiles: [...rights.profilesFor(schoolId, record.name, right)],
      overridden: rights.isOverridden(schoolId, record.name, right),
    })));

  app.get('/api/core/schools/:schoolId/rights', {
    schema: { params: Type.Object({ schoolId: Id() }), response: { 200: Type.Array(SchoolRight), ...ErrorResponses } },
  }, async (request) => {
    requireSchoolAdmin(requireUser(request), request.params.schoolId);
    await schoolExists(request.params.schoolId);
    return describe(request.params.schoolId);
  });

  app.put('/api/core/schools/:schoolId/rights/:app/:right', {
    schema: {
      params: RightParams,
      body: Type.Object({ profiles: Type.Array(ProfileSchema, { uniqueItems: true, maxItems: PROFILES.length }) }, { additionalProperties: false }),
      response: { 200: SchoolRight, ...ErrorResponses },
    },
  }, async (request) => {
    return change(request.params, request.body.profiles, requireUser(request), request.ip);
  });

  app.delete('/api/core/schools/:schoolId/rights/:app/:right', {
    schema: { params: RightParams, response: { 200: SchoolRight, ...ErrorResponses } },
  }, async (request) => change(request.params, null, requireUser(request), request.ip));

  async function change(params: { schoolId: number; app: string; right: string }, profiles: Profile[] | null, user: ReturnType<typeof requireUser>, ip: string) {
    const { schoolId, app: name, right } = params;
    requireSchoolAdmin(user, schoolId);
    await schoolExists(schoolId);
    const record = registry.get(name);
    if (!record?.manifest) throw AppUnknown(name);
    if (!record.manifest.rights?.[right]) throw RightUnknown(name, right);
    await rights.set(schoolId, name, right, profiles, user.id);
    await audit(knex, { action: 'right-changed', schoolId, actorId: user.id, ip, details: { app: name, right, profiles } });
    return describe(schoolId).find((r) => r.app === name && r.right === right)!;
  }
}
