import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { requireUser } from '../identity/access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { NotificationNotFound } from '../errors.js';
import type { NotificationCenter } from './notification-center.js';
import { TimelineItemSchema } from './notification-schemas.js';
import { hideItem, markRead, timelinePage, unreadCount } from './timeline.js';
import { BigId } from '@preau/sdk';

/** The home feed: a user's own notifications, newest first, by cursor; read and hidden state. */
export async function timelineRoutes(parent: FastifyInstance, center: NotificationCenter): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = center.deps;

  app.get('/api/core/timeline', {
    schema: {
      querystring: Type.Object(
        {
          before: Type.Optional(BigId()),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          app: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40 })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({ items: Type.Array(TimelineItemSchema), nextBefore: Type.Union([Type.Integer(), Type.Null()]), unread: Type.Integer() }),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    const page = await timelinePage(knex, center.deps.registry(), user, request.query);
    return { items: page.items, nextBefore: page.more ? page.items[page.items.length - 1]!.id : null, unread: await unreadCount(knex, user.id) };
  });

  app.get('/api/core/timeline/unread-count', {
    schema: { response: { 200: Type.Object({ count: Type.Integer() }), ...ErrorResponses } },
  }, async (request) => ({ count: await unreadCount(knex, requireUser(request).id) }));

  app.post('/api/core/timeline/read', {
    schema: {
      body: Type.Union([
        Type.Object({ ids: Type.Array(BigId(), { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
        Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
      ]),
      response: { 200: Type.Object({ read: Type.Integer(), unread: Type.Integer() }), ...ErrorResponses },
    },
  }, async (request) => {
    const user = requireUser(request);
    const ids = 'ids' in request.body ? request.body.ids : 'all';
    const changed = await markRead(knex, user.id, clock.now(), ids);
    if (changed.length) await center.deps.fanout.publish({ kind: 'read', userId: user.id, ...(ids === 'all' ? { all: true } : { ids: changed }) });
    return { read: changed.length, unread: await unreadCount(knex, user.id) };
  });

  app.post('/api/core/timeline/:id/hide', {
    schema: {
      params: Type.Object({ id: BigId() }),
      response: { 204: Type.Null(), ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    if (!(await hideItem(knex, user.id, clock.now(), request.params.id))) throw NotificationNotFound();
    await center.deps.fanout.publish({ kind: 'read', userId: user.id, ids: [request.params.id], hidden: [request.params.id] });
    return reply.code(204).send(null);
  });
}
