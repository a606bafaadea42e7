import { defineBundle } from '@preau/sdk';

/**
 * What an academy ships as one npm package: its apps and its defaults. An installation lists it under
 * `bundles` in preau.config.json instead of naming each plugin.
 */
export default defineBundle({
  name: 'academie-exemple',
  title: { fr: "Bouquet de l'académie exemple", en: 'Example academy bundle' },
  plugins: ['@preau/example-lunch-menu'],
  defaults: { enabledApps: ['lunch-menu'], academyName: 'Académie exemple' },
});
