// Compiled by tsc (see manifest-types.test.ts): every @ts-expect-error below must be a real type error,
// so a manifest of the wrong shape cannot compile.
import { definePlugin, defineBundle, defineError, Type, type PluginApp, type PluginServices } from '../../src/index.js';

const title = { fr: 'Exemple', en: 'Example' };

// A correct manifest compiles, and its routes are typed from their schemas.
export const good = definePlugin({
  name: 'example',
  version: '1.0.0',
  sdk: '^1.0.0',
  title,
  rights: { read: { default: ['Relative', 'Student'] } },
  notifications: { posted: { defaultDelivery: 'daily' } },
  routes: async (app: PluginApp, services: PluginServices) => {
    app.get('/items/:id', { schema: { params: Type.Object({ id: Type.Integer() }) } }, async (request) => {
      const id: number = request.params.id;
      // @ts-expect-error params are typed from the schema: id is a number, not a string
      const wrong: string = request.params.id;
      return { id, wrong, schools: request.currentSchools.length, db: typeof services.db };
    });
  },
});

// @ts-expect-error the title needs both French and English
definePlugin({ name: 'a', version: '1.0.0', sdk: '^1.0.0', title: { fr: 'Seulement français' } });

// @ts-expect-error the sdk range is required
definePlugin({ name: 'a', version: '1.0.0', title });

definePlugin({
  name: 'a',
  version: '1.0.0',
  sdk: '^1.0.0',
  title,
  // @ts-expect-error a right's default profiles are among the five profiles
  rights: { post: { default: ['Parent'] } },
});

definePlugin({
  name: 'a',
  version: '1.0.0',
  sdk: '^1.0.0',
  title,
  // @ts-expect-error delivery is immediate, daily, weekly or never
  notifications: { posted: { defaultDelivery: 'hourly' } },
});

definePlugin({
  name: 'a',
  version: '1.0.0',
  sdk: '^1.0.0',
  title,
  // @ts-expect-error dependencies are a list of plugin names
  dependsOn: 'messaging',
});

// @ts-expect-error unknown manifest keys are refused
definePlugin({ name: 'a', version: '1.0.0', sdk: '^1.0.0', title, colour: 'blue' });

// @ts-expect-error a bundle lists its plugins
defineBundle({ name: 'academie', title });

// @ts-expect-error an error needs its HTTP status
defineError('EXAMPLE_ERR_X', { fr: 'x', en: 'x' });
