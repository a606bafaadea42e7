/**
 * The names of the shell's app icons (one SVG set, one style): a manifest's `icon` may name one of these, give
 * its own SVG (`<svg …>…</svg>`, shown as an image, never as markup) or, for older plugins, an emoji.
 */
export const APP_ICON_NAMES = ['messaging', 'notebook', 'news', 'lunch', 'documents', 'blog', 'agenda', 'textbook', 'media', 'app'] as const;
export type AppIconName = (typeof APP_ICON_NAMES)[number];
