import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { PROFILES, type Delivery, type Profile, type TypeBoxTypeProvider } from '@preau/sdk';
import { requireAcademyAdmin, requireUser } from '../identity/access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { NotificationPreferenceInvalid } from '../errors.js';
import type { NotificationCenter } from './notification-center.js';
import { DeliverySchema, PreferencesChangeSchema, PreferencesSchema } from './notification-schemas.js';
import { readPreferences, writePreferences } from './preferences.js';
import { declaredTypes, findType } from './notification-types.js';

const ProfileSchema = Type.Union(PROFILES.map((p) => Type.Literal(p)));
const DefaultsSchema = Type.Array(
  Type.Object({
    app: Type.String(),
    type: Type.String(),
    title: Type.Object({ fr: Type.String(), en: Type.String() }),
    timelineOnly: Type.Boolean(),
    /** The manifest's default, per profile. */
    manifest: Type.Record(Type.String(), DeliverySchema),
    /** The academy's overrides: per profile, and `all` for every profile without one. */
    academy: Type.Record(Type.String(), DeliverySchema),
  }),
);

/** A user's notification preferences, and the academy's defaults (academy administrators). */
export async function preferenceRoutes(parent: FastifyInstance, center: NotificationCenter): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = center;

  app.get('/api/core/me/notification-preferences', {
    schema: { response: { 200: PreferencesSchema, ...ErrorResponses } },
  }, async (request) => readPreferences(deps, deps.registry(), center.apps, requireUser(request)));

  app.put('/api/core/me/notification-preferences', {
    schema: { body: PreferencesChangeSchema, response: { 200: PreferencesSchema, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    await writePreferences(deps.knex, deps.registry(), user.id, deps.clock.now(), request.body);
    return readPreferences(deps, deps.registry(), center.apps, user);
  });

  app.get('/api/core/notification-defaults', {
    schema: { response: { 200: DefaultsSchema, ...ErrorResponses } },
  }, async (request) => {
    requireAcademyAdmin(requireUser(request));
    const overrides: { app: string; type: string; profile: Profile | null; delivery: Delivery }[] = await deps.knex('core.notification_defaults').select('app', 'type', 'profile', 'delivery');
    return declaredTypes(deps.registry()).map((declared) => ({
      app: declared.app,
      type: declared.type,
      title: declared.declaration.title ?? { fr: declared.type, en: declared.type },
      timelineOnly: declared.declaration.timelineOnly === true,
      manifest: Object.fromEntries(PROFILES.map((p) => [p, declared.declaration.deliveryByProfile?.[p] ?? declared.declaration.defaultDelivery])),
      academy: Object.fromEntries(
        overrides.filter((o) => o.app === declared.app && o.type === declared.type).map((o) => [o.profile ?? 'all', o.delivery]),
      ),
    }));
  });

  app.put('/api/core/notification-defaults', {
    schema: {
      body: Type.Object(
        {
          app: Type.String({ maxLength: 40 }),
          type: Type.String({ maxLength: 60 }),
          /** null: every profile without an override of its own. */
          profile: Type.Union([ProfileSchema, Type.Null()]),
          /** null: back to the manifest's default. */
          delivery: Type.Union([DeliverySchema, Type.Null()]),
        },
        { additionalProperties: false },
      ),
      response: { 204: Type.Null(), ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    requireAcademyAdmin(user);
    const { app: appName, type, profile, delivery } = request.body;
    if (!findType(deps.registry(), appName, type)) throw NotificationPreferenceInvalid(`${appName}.${type}`);
    await deps.knex.transaction(async (trx) => {
      await trx('core.notification_defaults').where({ app: appName, type }).modify((q) => (profile ? q.where({ profile }) : q.whereNull('profile'))).delete();
      if (delivery) await trx('core.notification_defaults').insert({ app: appName, type, profile, delivery, updated_by: user.id, updated_at: deps.clock.now() });
    });
    return reply.code(204).send(null);
  });
}
