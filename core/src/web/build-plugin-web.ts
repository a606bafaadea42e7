import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginRecord } from '../plugins/plugin-registry.js';
import { buildOnce, readBuild, type BuildStamp } from './build-once.js';
import { PluginWebBuildFailed } from '../errors.js';
import { packageRootOf } from '../package-root.js';
import { RUNNING_FROM_SOURCE } from '../running-from-source.js';

/** What the shell provides through its import map: plugin bundles leave these out and share one copy. */
export const SHARED_MODULES = ['lit', 'lit/*', '@lit/context', '@preau/sdk/web'];

/** Where bundles built at start go (tests, `npm run dev`): the build cache, not the data folder. */
export function webCacheDir(baseDir: string): string {
  return join(baseDir, 'node_modules', '.cache', 'preau', 'web');
}

/** Where `preau build` puts a package's web bundle, shipped in its npm package. */
export function webBundleDir(packageRoot: string): string {
  return join(packageRoot, 'dist', 'web-bundle');
}

/** esbuild resolves the workspace's packages to their source when the core itself runs from source. */
export const SOURCE_CONDITIONS = RUNNING_FROM_SOURCE ? { conditions: ['@preau/source'] } : {};

/** The path of a manifest's web entry (a URL or a path). */
export function webEntryPath(entry: URL | string): string {
  return entry instanceof URL || entry.startsWith('file:') ? fileURLToPath(entry) : entry;
}

/**
 * The source file of a plugin's web entry, or null when the package ships none. A compiled manifest
 * (`dist/src/index.js`) names `dist/web/index.ts`: the source is at the same place under the package root,
 * since every package compiles its root folder into `dist/`.
 */
export function webEntrySource(entry: string): string | null {
  if (existsSync(entry)) return entry;
  const root = packageRootOf(entry);
  const dist = join(root, 'dist');
  if (!entry.startsWith(`${dist}/`)) return null;
  const source = join(root, entry.slice(dist.length + 1));
  return existsSync(source) ? source : null;
}

/** Bundles one plugin's web entry into `outdir` (content-hashed, the shared modules left out). */
export function bundlePluginWeb(source: string, outdir: string): Promise<BuildStamp> {
  return buildOnce(outdir, { entryPoints: { index: source }, external: SHARED_MODULES, ...SOURCE_CONDITIONS });
}

/**
 * Gives each active plugin with a web entry the bundle it is served from. With `build` (tests, `npm run dev`)
 * a plugin whose source is at hand is bundled into the build cache; otherwise its package's own bundle is used,
 * the one `preau build` made, so that a server never writes into its install folder. A plugin left without a
 * bundle is marked failed like any other start failure.
 */
export async function preparePluginWeb(records: readonly PluginRecord[], options: { baseDir: string; build: boolean }): Promise<void> {
  for (const record of records) {
    const entry = record.manifest?.web?.entry;
    if (record.state !== 'active' || !entry) continue;
    const path = webEntryPath(entry);
    try {
      if (options.build && existsSync(path)) {
        const dir = join(webCacheDir(options.baseDir), record.name);
        record.web = { dir, file: (await bundlePluginWeb(path, dir)).entries.index! };
      } else {
        const dir = webBundleDir(packageRootOf(path));
        const built = readBuild(dir);
        if (!built?.entries.index) throw new Error(`no web bundle in ${dir}: run \`npx preau build\` where the plugin is developed`);
        record.web = { dir, file: built.entries.index };
      }
    } catch (error) {
      const coded = PluginWebBuildFailed(record.name, (error as Error).message.split('\n')[0]!);
      record.state = 'failed';
      record.error = { code: coded.code, message: coded.messages.en };
    }
  }
}
