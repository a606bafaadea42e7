import type { PreauConfig } from '../config/config-schema.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { ICON_SIZES } from './build-service-worker.js';

/** The shortcuts a long press on the installed app's icon offers, when their app is active. */
const SHORTCUTS = [
  { app: 'liaison', name: 'Carnet de liaison', short_name: 'Carnet', url: '/apps/liaison' },
  { app: 'messaging', name: 'Messagerie', short_name: 'Messages', url: '/apps/messaging' },
];

/**
 * The web app manifest, from the configuration (an academy sets its own name and colours in `app`): installable
 * as a standalone app, with PNG icons in the sizes phones ask for and a maskable one.
 */
export function webManifest(app: PreauConfig['app'], registry: PluginRegistry): Record<string, unknown> {
  return {
    id: '/',
    name: app.name,
    short_name: app.shortName,
    description: "L'espace numérique de l'école : carnet de liaison, messagerie, actualités, cahier de textes.",
    lang: 'fr',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: app.backgroundColour,
    theme_color: app.themeColour,
    icons: [
      { src: '/icons/preau.svg', sizes: 'any', type: 'image/svg+xml' },
      ...ICON_SIZES.map((size) => ({ src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: SHORTCUTS.filter((shortcut) => registry.get(shortcut.app)?.state === 'active').map(({ app: _app, ...shortcut }) => ({
      ...shortcut,
      icons: [{ src: '/icons/icon-96.png', sizes: '96x96', type: 'image/png' }],
    })),
  };
}
