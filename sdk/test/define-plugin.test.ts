import t from 'tap';
import { PreauError, SDK_VERSION, defineBundle, defineError, definePlugin, isPreauError } from '../src/index.js';
import { PLUGIN_BRAND } from '../src/host.js';
import { defineWebApp } from '../src/web/define-web-app.js';

t.test('definePlugin returns a frozen, branded copy of the manifest', async (t) => {
  const manifest = { name: 'example', version: '1.0.0', sdk: '^1.0.0', title: { fr: 'Exemple', en: 'Example' } };
  const plugin = definePlugin(manifest);
  t.equal(plugin[PLUGIN_BRAND], true);
  t.ok(Object.isFrozen(plugin));
  t.not(plugin, manifest);
  t.equal(plugin.name, 'example');
});

t.test('a bundle names its plugins and defaults', async (t) => {
  const bundle = defineBundle({ name: 'academie-de-lyon', title: { fr: 'Lyon', en: 'Lyon' }, plugins: ['@preau/plugin-blog'], defaults: { enabledApps: ['blog'] } });
  t.same(bundle.plugins, ['@preau/plugin-blog']);
});

t.test('a coded error carries its code, status and both languages', async (t) => {
  const NotFound = defineError('EXAMPLE_ERR_NOT_FOUND', 404, (what: string) => ({ fr: `${what} introuvable`, en: `${what} not found` }));
  const error = NotFound('Menu');
  t.ok(error instanceof PreauError);
  t.ok(NotFound.is(error));
  t.ok(isPreauError(error));
  t.notOk(isPreauError(new Error('plain')));
  t.same([error.code, error.statusCode, error.messages.fr, error.message], ['EXAMPLE_ERR_NOT_FOUND', 404, 'Menu introuvable', 'Menu not found']);
});

t.test('a web app element must carry the plugin prefix', async (t) => {
  t.throws(() => defineWebApp({ name: 'lunch-menu', element: 'menu-app' }), /must start with "lunch-menu-"/);
  t.equal(defineWebApp({ name: 'lunch-menu', element: 'lunch-menu-app' }).element, 'lunch-menu-app');
});

t.test('the SDK states its own version', async (t) => {
  t.match(SDK_VERSION, /^\d+\.\d+\.\d+$/);
});
