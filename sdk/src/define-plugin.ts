import type { PluginManifest } from './manifest.js';

/** Brand set on manifests made by `definePlugin`, so the host can tell a plugin module from any other module. */
export const PLUGIN_BRAND = Symbol.for('preau.plugin');

/** A manifest as returned by `definePlugin`. */
export type DefinedPlugin<Rights extends string = string, Notifications extends string = string> = PluginManifest<Rights, Notifications> & {
  readonly [PLUGIN_BRAND]: true;
};

/**
 * Declares a Préau plugin. The module's default export must be its result.
 *
 * @example
 * export default definePlugin({
 *   name: 'lunch-menu', version: '1.0.0', sdk: '^1.0.0',
 *   title: { fr: 'Menu de la cantine', en: 'Lunch menu' },
 *   rights: { publish: { default: ['Teacher', 'Personnel'] } },
 *   migrations: new URL('../migrations', import.meta.url),
 *   routes: async (app, { db }) => { ... },
 * });
 */
export function definePlugin<const Rights extends string = string, const Notifications extends string = string>(
  manifest: PluginManifest<Rights, Notifications>,
): DefinedPlugin<Rights, Notifications> {
  return Object.freeze({ ...manifest, [PLUGIN_BRAND]: true as const });
}
