import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { loadPlugins } from '../plugins/plugin-host.js';
import { importDefault, isDefinedPlugin, resolveEntryUrl } from '../plugins/plugin-source.js';
import { packageRootOf } from '../package-root.js';
import { bundlePluginWeb, webBundleDir, webEntryPath, webEntrySource } from '../web/build-plugin-web.js';
import { bundleShell, shellPackageRoot } from '../web/build-shell.js';

/** One package to bundle: the shell, or a plugin's web entry (its source file). */
type Target = { label: string; root: string } & (
  | { kind: 'shell' }
  | { kind: 'plugin'; source: string }
  | { kind: 'none'; why: string }
  | { kind: 'failed'; why: string }
);

const isShell = (root: string): boolean =>
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: string }).name === '@preau/shell';

/** What a package folder given on the command line holds: the shell, a plugin with a web entry, or nothing to bundle. */
async function targetOf(folder: string): Promise<Target> {
  const root = resolve(folder);
  if (!existsSync(join(root, 'package.json')) || !statSync(root).isDirectory()) throw new Error(`${folder} is not a package folder`);
  if (isShell(root)) return { kind: 'shell', label: '@preau/shell', root };
  const manifest = await importDefault(resolveEntryUrl(root, root));
  if (!isDefinedPlugin(manifest)) return { kind: 'none', label: folder, root, why: 'not a plugin' };
  return pluginTarget(manifest.name, root, manifest.web?.entry);
}

function pluginTarget(name: string, root: string, entry: URL | string | undefined): Target {
  if (!entry) return { kind: 'none', label: name, root, why: 'no web entry' };
  const source = webEntrySource(webEntryPath(entry));
  if (!source) return { kind: 'none', label: name, root, why: 'its package ships no web source (already built)' };
  return { kind: 'plugin', label: name, root, source };
}

/** Without folders: the configured plugins, and the shell when its source is here (the Préau repository). */
async function configuredTargets(): Promise<Target[]> {
  const config = loadConfig();
  const { registry } = await loadPlugins(config.plugins, config.bundles, config.baseDir);
  const targets: Target[] = [];
  const shell = shellPackageRoot();
  if (existsSync(join(shell, 'src', 'index.ts'))) targets.push({ kind: 'shell', label: '@preau/shell', root: shell });
  for (const record of registry.all()) {
    const entry = record.manifest?.web?.entry;
    if (record.state === 'failed') targets.push({ kind: 'failed', label: record.name, root: config.baseDir, why: `${record.error?.code}: ${record.error?.message}` });
    else targets.push(pluginTarget(record.name, entry ? packageRootOf(webEntryPath(entry)) : config.baseDir, entry));
  }
  return targets;
}

/**
 * `preau build [folder…]`: bundles the web side of each package (the shell, or a plugin whose `dist/` tsc has
 * written) into its `dist/web-bundle/`, which its npm package ships and a server serves as is. Content-hashed;
 * a package whose sources did not change is not bundled again.
 */
export async function buildCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const started = Date.now();
  const targets = positionals.length ? await Promise.all(positionals.map(targetOf)) : await configuredTargets();
  let built = 0;
  for (const target of targets) {
    const dir = webBundleDir(target.root);
    const where = relative(process.cwd(), dir) || '.';
    if (target.kind === 'none' || target.kind === 'failed') {
      process.stdout.write(`  ${target.kind === 'none' ? '–' : '✗'} ${target.label}: ${target.why}\n`);
    } else if (target.kind === 'shell') {
      const shell = await bundleShell(target.root, dir);
      process.stdout.write(`  ✓ ${target.label} → ${where}/${shell.app}\n`);
      built += 1;
    } else {
      const stamp = await bundlePluginWeb(target.source, dir);
      process.stdout.write(`  ✓ ${target.label} → ${where}/${stamp.entries.index}\n`);
      built += 1;
    }
  }
  process.stdout.write(`preau build: ${built} web bundle(s) in ${Date.now() - started} ms\n`);
  return targets.some((target) => target.kind === 'failed') ? 1 : 0;
}
