import { defineBundle } from '@preau/sdk';

/**
 * __title__: the apps an academy ships as one npm package, with its defaults. An installation lists the
 * package under `bundles` in preau.config.json instead of naming each plugin.
 */
export default defineBundle({
  name: '__name__',
  title: { fr: '__title__', en: '__title__' },
  // Package names (resolved from this package's dependencies) or paths of the plugins it brings.
  plugins: [],
  defaults: { enabledApps: [], academyName: '__title__' },
});
