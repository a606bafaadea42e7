import { definePlugin, Type } from '@preau/sdk';

/**
 * The plugin the notification benchmarks send through: one route that notifies a group, as an app would after
 * writing a word, and the types the digests gather.
 */
export default definePlugin({
  name: 'bench-notify',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Banc de mesure', en: 'Bench' },
  notifications: {
    'word-posted': {
      title: { fr: 'Nouveau mot', en: 'New word' },
      message: { fr: '{actor} a écrit un mot : {title}', en: '{actor} wrote a word: {title}' },
      defaultDelivery: 'daily',
    },
  },
  routes: (app, services) => {
    app.post('/groups/:groupId/words', {
      schema: {
        params: Type.Object({ groupId: Type.Integer() }),
        body: Type.Object({ title: Type.String({ maxLength: 200 }) }),
        response: { 200: Type.Object({ id: Type.Integer(), recipients: Type.Integer() }) },
      },
    }, async (request) => {
      const id = String(Date.now());
      return services.notify.send({
        type: 'word-posted',
        recipients: { groups: [request.params.groupId] },
        actor: request.currentUser?.id ?? null,
        resource: { app: 'bench-notify', id, url: `/apps/bench-notify/words/${id}` },
        params: { title: request.body.title },
      });
    });
  },
});
