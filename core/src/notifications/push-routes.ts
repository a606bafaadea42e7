import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Id, type TypeBoxTypeProvider } from '@preau/sdk';
import { requireUser } from '../identity/access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { PushDisabled, PushSubscriptionNotFound } from '../errors.js';
import type { NotificationCenter } from './notification-center.js';
import { checkSubscription, listDevices, saveSubscription } from './push-subscriptions.js';

const Key = Type.String({ minLength: 1, maxLength: 200 });
const SubscriptionSchema = Type.Object(
  {
    endpoint: Type.String({ minLength: 10, maxLength: 1000 }),
    // Browsers also send expirationTime (usually null); it is not needed.
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object({ p256dh: Key, auth: Key }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
const DeviceSchema = Type.Object({ id: Type.Integer(), browser: Type.String(), createdAt: Type.String(), current: Type.Boolean() });

/** Mon compte › Notifications › Appareils: the server's public key, and the user's subscribed devices. */
export async function pushRoutes(parent: FastifyInstance, center: NotificationCenter): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock, settings } = center.deps;

  app.get('/api/core/me/devices', {
    schema: { response: { 200: Type.Object({ enabled: Type.Boolean(), publicKey: Type.String(), devices: Type.Array(DeviceSchema) }), ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    return {
      enabled: settings.push.enabled,
      publicKey: center.push.sender.publicKey,
      devices: await listDevices(knex, user.id, request.session!.sessionId),
    };
  });

  app.post('/api/core/me/devices', {
    schema: { body: SubscriptionSchema, response: { 201: DeviceSchema, ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    if (!settings.push.enabled) throw PushDisabled();
    checkSubscription(request.body, settings.push.endpointOrigins);
    const id = await saveSubscription(knex, { userId: user.id, sessionId: request.session!.sessionId, userAgent: request.headers['user-agent'] }, request.body, clock.now());
    const device = (await listDevices(knex, user.id, request.session!.sessionId)).find((d) => d.id === id)!;
    return reply.code(201).send(device);
  });

  app.delete('/api/core/me/devices/:id', {
    schema: { params: Type.Object({ id: Id() }), response: { 204: Type.Null(), ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const deleted = await knex('core.push_subscriptions').where({ id: request.params.id, user_id: user.id }).delete();
    if (!deleted) throw PushSubscriptionNotFound();
    return reply.code(204).send(null);
  });
}
