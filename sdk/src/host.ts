/**
 * `@preau/sdk/host`: what only the platform that loads plugins needs (how it recognises a defined plugin or
 * bundle). Plugins never import it: the package boundaries refuse it.
 * @packageDocumentation
 */
export { PLUGIN_BRAND } from './define-plugin.js';
export { BUNDLE_BRAND } from './define-bundle.js';
