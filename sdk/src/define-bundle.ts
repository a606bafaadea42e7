import type { LocalizedText } from './localized-text.js';
import type { DefinedPlugin } from './define-plugin.js';

/** Brand set on bundles made by `defineBundle`. */
export const BUNDLE_BRAND = Symbol.for('preau.bundle');

/** What an academy ships as one npm package: a named list of plugins and its defaults. */
export interface BundleManifest {
  /** Lower case letters, digits and dashes. */
  name: string;
  title: LocalizedText;
  /** Plugins, as manifests or as package names / paths the host resolves from the bundle's folder. */
  plugins: readonly (DefinedPlugin | string)[];
  defaults?: {
    /** Apps enabled for a school that has not chosen otherwise. */
    enabledApps?: readonly string[];
    academyName?: string;
    /** URL or path of the academy's logo. */
    logo?: string;
  };
}

/** A bundle as returned by `defineBundle`. */
export type DefinedBundle = BundleManifest & { readonly [BUNDLE_BRAND]: true };

/** Declares an academy bundle. The module's default export must be its result. */
export function defineBundle(bundle: BundleManifest): DefinedBundle {
  return Object.freeze({ ...bundle, [BUNDLE_BRAND]: true as const });
}
