import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { NotifyService, TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { AppEnablement } from './app-enablement.js';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { AppUnknown, SchoolNotFound } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { Id } from '@preau/sdk';

const Title = Type.Object({ fr: Type.String(), en: Type.String() });
const Day = Type.String({ format: 'date' });
const SchoolParams = Type.Object({ schoolId: Id() });

/** The launcher's list of apps, and the administrators' per-school switches. */
export async function appRoutes(parent: FastifyInstance, deps: { registry: PluginRegistry; apps: AppEnablement; knex: Knex; notify: NotifyService }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { registry, apps, knex, notify } = deps;

  app.get('/api/core/apps', {
    schema: {
      response: {
        200: Type.Array(
          Type.Object({
            name: Type.String(),
            title: Title,
            icon: Type.Optional(Type.String()),
            entry: Type.Union([Type.String(), Type.Null()]),
            schoolIds: Type.Array(Type.Integer()),
            home: Type.Array(Type.Object({ element: Type.String(), placement: Type.Union([Type.Literal('top'), Type.Literal('widget')]) })),
            /** Elements of the web entry shown as sections of Mon compte. */
            account: Type.Array(Type.String()),
            /** The web entry adds editor buttons: the shell loads it up front. */
            editor: Type.Optional(Type.Boolean()),
            badge: Type.Union([
              Type.Object({ count: Type.Integer({ minimum: 0 }), byChild: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))) }),
              Type.Null(),
            ]),
          }),
        ),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    const ids = user.schools.map((s) => s.id);
    const enabled = registry
      .active()
      .map((record) => ({ record, schoolIds: apps.enabledSchools(ids, record.name) }))
      .filter(({ schoolIds }) => schoolIds.length > 0);
    // Badges are asked of every app at once; an app that fails to answer shows no badge rather than no launcher.
    const badges = await Promise.all(enabled.map(async ({ record }) => {
      const badge = record.manifest!.badge;
      if (!badge || !record.services) return null;
      try {
        return await badge({ ...user, schools: user.schools.filter((s) => apps.isEnabled(s.id, record.name)) }, record.services);
      } catch (error) {
        request.log.error({ plugin: record.name, err: error }, 'badge failed');
        return null;
      }
    }));
    return enabled.map(({ record, schoolIds }, index) => ({
      name: record.name,
      title: record.manifest!.title,
      ...((record.manifest!.web?.launcher?.icon ?? record.manifest!.icon) ? { icon: record.manifest!.web?.launcher?.icon ?? record.manifest!.icon } : {}),
      entry: record.web ? `/apps/${record.name}/${record.web.file}` : null,
      schoolIds,
      home: record.web ? [...(record.manifest!.web?.home ?? [])] : [],
      account: record.web ? [...(record.manifest!.web?.account ?? [])] : [],
      ...(record.web && record.manifest!.web?.editor ? { editor: true } : {}),
      badge: badges[index] ? { count: badges[index].count, ...(badges[index].byChild ? { byChild: { ...badges[index].byChild } } : {}) } : null,
    }));
  });

  const schoolExists = async (schoolId: number): Promise<void> => {
    if (!(await knex('core.schools').where({ id: schoolId }).first('id'))) throw SchoolNotFound(String(schoolId));
  };

  app.get('/api/core/schools/:schoolId/apps', {
    schema: {
      params: SchoolParams,
      response: {
        200: Type.Array(
          Type.Object({
            name: Type.String(),
            title: Type.Union([Title, Type.Null()]),
            state: Type.String(),
            enabledToday: Type.Boolean(),
            enabledByDefault: Type.Boolean(),
            setting: Type.Union([
              Type.Object({ enabled: Type.Boolean(), startsOn: Type.Union([Day, Type.Null()]), endsOn: Type.Union([Day, Type.Null()]) }),
              Type.Null(),
            ]),
          }),
        ),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const { schoolId } = request.params;
    requireSchoolAdmin(requireUser(request), schoolId);
    await schoolExists(schoolId);
    const settings = new Map(apps.settingsOf(schoolId).map((s) => [s.app, s]));
    return registry.all().map((record) => {
      const setting = settings.get(record.name);
      return {
        name: record.name,
        title: record.manifest?.title ?? null,
        state: record.state,
        enabledToday: record.state === 'active' && apps.isEnabled(schoolId, record.name),
        enabledByDefault: apps.enabledByDefault(record.name),
        setting: setting ? { enabled: setting.enabled, startsOn: setting.startsOn, endsOn: setting.endsOn } : null,
      };
    });
  });

  app.put('/api/core/schools/:schoolId/apps/:app', {
    schema: {
      params: Type.Object({ schoolId: Id(), app: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }) }),
      body: Type.Object(
        {
          enabled: Type.Boolean(),
          startsOn: Type.Optional(Type.Union([Day, Type.Null()])),
          endsOn: Type.Optional(Type.Union([Day, Type.Null()])),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({ name: Type.String(), enabledToday: Type.Boolean() }),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const { schoolId, app: name } = request.params;
    const user = requireUser(request);
    requireSchoolAdmin(user, schoolId);
    if (!registry.get(name)) throw AppUnknown(name);
    await schoolExists(schoolId);
    const { enabled, startsOn = null, endsOn = null } = request.body;
    await apps.set(schoolId, { app: name, enabled, startsOn, endsOn }, user.id);
    // "Disappears at once": the open tabs of the school's people read their launcher again.
    const members = await knex('core.memberships').where({ school_id: schoolId }).whereNull('left_at').pluck('user_id');
    await notify.signal({ app: 'core', name: 'apps-changed', users: members, data: { schoolId } });
    return { name, enabledToday: apps.isEnabled(schoolId, name) };
  });
}
