import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DefinedBundle, DefinedPlugin } from '@preau/sdk';
import { BUNDLE_BRAND, PLUGIN_BRAND } from '@preau/sdk/host';
import { RUNNING_FROM_SOURCE } from '../running-from-source.js';

/** Where a plugin comes from: a module to import, or a manifest given directly (tests, bundles). */
export interface PluginSource {
  /** How the configuration named it (for messages). */
  label: string;
  /** A file URL to import, when the plugin is not given as an object. */
  url?: string;
  manifest?: DefinedPlugin;
  settings: Record<string, unknown>;
  enabled: boolean;
  /** The bundle that brought it, if any. */
  bundle?: string;
}

/** A configuration entry, in any of the forms the host accepts. */
export type PluginEntry =
  | string
  | DefinedPlugin
  | { package: string; settings?: Record<string, unknown>; enabled?: boolean };

function packageEntryFile(dir: string): string {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) {
    for (const candidate of ['index.ts', 'index.js', 'src/index.ts', 'src/index.js']) {
      if (existsSync(join(dir, candidate))) return join(dir, candidate);
    }
    throw new Error(`${dir} has neither package.json nor index file`);
  }
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports?: unknown; main?: string };
  let entry: unknown = pkg.exports;
  if (entry && typeof entry === 'object' && '.' in entry) entry = (entry as Record<string, unknown>)['.'];
  if (entry && typeof entry === 'object') {
    const conditions = entry as Record<string, unknown>;
    // A core running from source loads plugins from source too (see running-from-source.ts).
    entry = (RUNNING_FROM_SOURCE ? conditions['@preau/source'] : undefined) ?? conditions.import ?? conditions.default ?? conditions.node;
  }
  return join(dir, typeof entry === 'string' ? entry : pkg.main ?? 'index.js');
}

/** The file URL of a configuration entry: a path (file or package folder) or an npm package name. */
export function resolveEntryUrl(entry: string, baseDir: string): string {
  if (entry.startsWith('.') || entry.startsWith('/')) {
    const path = resolve(baseDir, entry);
    return pathToFileURL(statSync(path).isDirectory() ? packageEntryFile(path) : path).href;
  }
  const require = createRequire(join(baseDir, 'package.json'));
  // Resolve the package folder, then its ESM entry (require.resolve would pick the CommonJS one).
  const pkgJson = require.resolve(`${entry}/package.json`);
  return pathToFileURL(packageEntryFile(dirname(pkgJson))).href;
}

/** Expands `dir/*` into one entry per sub-folder that holds a package. */
export function expandEntry(entry: string, baseDir: string): string[] {
  if (!entry.endsWith('/*')) return [entry];
  const dir = resolve(baseDir, entry.slice(0, -2));
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'package.json')))
    .map((d) => `${entry.slice(0, -1)}${d.name}`)
    .sort();
}

/** Imports a module and returns its default export. */
export async function importDefault(url: string): Promise<unknown> {
  const module = (await import(url)) as { default?: unknown };
  return module.default;
}

/** True for a manifest made by `definePlugin` (from any copy of the SDK). */
export function isDefinedPlugin(value: unknown): value is DefinedPlugin {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGIN_BRAND] === true;
}

/** True for a bundle made by `defineBundle`. */
export function isDefinedBundle(value: unknown): value is DefinedBundle {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BUNDLE_BRAND] === true;
}

/** What the configuration's plugins and bundles expand to, plus the bundles' defaults. */
export interface ResolvedSources {
  sources: PluginSource[];
  bundles: DefinedBundle[];
  /** Entries that could not even be located or imported. */
  failures: { label: string; reason: string }[];
}

/**
 * Expands the configuration into plugin sources. Bundles are imported here (a bundle is data); plugins given
 * by path or package are only located, and imported later one by one so that one broken module fails alone.
 */
export async function resolvePluginSources(
  entries: readonly PluginEntry[],
  bundleEntries: readonly (string | DefinedBundle)[],
  baseDir: string,
): Promise<ResolvedSources> {
  const result: ResolvedSources = { sources: [], bundles: [], failures: [] };
  const addEntry = (entry: PluginEntry, from: string, bundle?: string): void => {
    if (isDefinedPlugin(entry)) {
      result.sources.push({ label: entry.name, manifest: entry, settings: {}, enabled: true, bundle });
      return;
    }
    const spec = typeof entry === 'string' ? { package: entry } : entry;
    for (const expanded of expandEntry(spec.package, from)) {
      try {
        result.sources.push({
          label: expanded,
          url: resolveEntryUrl(expanded, from),
          settings: spec.settings ?? {},
          enabled: spec.enabled ?? true,
          bundle,
        });
      } catch (error) {
        result.failures.push({ label: expanded, reason: (error as Error).message });
      }
    }
  };
  for (const entry of entries) addEntry(entry, baseDir);
  for (const entry of bundleEntries) {
    try {
      let bundle: unknown = entry;
      let from = baseDir;
      if (typeof entry === 'string') {
        const url = resolveEntryUrl(entry, baseDir);
        bundle = await importDefault(url);
        from = dirname(fileURLToPath(url));
      }
      if (!isDefinedBundle(bundle)) throw new Error('its default export is not made by defineBundle()');
      result.bundles.push(bundle);
      for (const plugin of bundle.plugins) addEntry(plugin, from, bundle.name);
    } catch (error) {
      result.failures.push({ label: typeof entry === 'string' ? entry : entry.name, reason: (error as Error).message });
    }
  }
  return result;
}
