// Compiled by tsc (see manifest-types.test.ts): a right or a notification type that the manifest does not
// declare is a compile error where a route names it, instead of a 403 blaming the user or a failed send.
import { definePlugin, type PluginApp, type PluginServices } from '../../src/index.js';

const title = { fr: 'Carnet', en: 'Notebook' };
const resource = { app: 'notebook', id: '1', url: '/apps/notebook/words/1' };

// Inline routes: the manifest's own rights and notification types are checked.
export const inline = definePlugin({
  name: 'notebook',
  version: '1.0.0',
  sdk: '^1.0.0',
  title,
  rights: { write: { default: ['Teacher'] }, read: { default: ['Relative'] } },
  notifications: { 'word-posted': { defaultDelivery: 'immediate' } },
  routes: async (app, { notify }) => {
    app.post('/words', { config: { right: 'write' } }, async () => {
      await notify.send({ type: 'word-posted', recipients: { users: [2] }, actor: 1, resource });
      // @ts-expect-error a notification type the manifest does not declare
      await notify.send({ type: 'word-post', recipients: { users: [2] }, actor: 1, resource });
      return { ok: true };
    });
    // @ts-expect-error a right the manifest does not declare
    app.post('/typo', { config: { right: 'wirte' } }, async () => ({ ok: true }));
    app.get('/words', { config: { right: 'read' } }, async () => []);
    app.get('/open', async () => []);
  },
});

// A routes module names the manifest's rights and notification types, and is checked the same way.
type Right = 'write' | 'read';
type NotificationType = 'word-posted';
async function routes(app: PluginApp<Right>, { notify }: PluginServices<NotificationType>): Promise<void> {
  app.put('/words/:id', { config: { right: 'write' } }, async () => ({ ok: true }));
  // @ts-expect-error not a right of this plugin
  app.delete('/words/:id', { config: { right: 'remove' } }, async () => ({ ok: true }));
  // @ts-expect-error not a notification type of this plugin
  await notify.send({ type: 'word-deleted', recipients: { users: [2] }, actor: 1, resource });
}
export const fromModule = definePlugin({
  name: 'notebook',
  version: '1.0.0',
  sdk: '^1.0.0',
  title,
  rights: { write: { default: ['Teacher'] }, read: { default: ['Relative'] } },
  notifications: { 'word-posted': { defaultDelivery: 'immediate' } },
  routes,
});

// @ts-expect-error the routes module's rights must be the manifest's: here it lacks `read`
definePlugin({ name: 'notebook', version: '1.0.0', sdk: '^1.0.0', title, rights: { write: { default: ['Teacher'] } }, routes });
