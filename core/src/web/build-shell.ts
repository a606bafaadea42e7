import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildOnce, readBuild } from './build-once.js';
import { SOURCE_CONDITIONS, webBundleDir, webCacheDir } from './build-plugin-web.js';
import { hashSource, type InlineSources } from '../http/security-headers.js';
import { buildServiceWorker, drawIcons } from './build-service-worker.js';

// The design tokens (shell/src/design/tokens.css), inline so that the first paint has them; allowed by the CSP
// through their hash. These are the fallback for a shell without that file.
const DEFAULT_TOKENS_STYLE = `
  :root { --preau-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --preau-bg: #f6f7fb; --preau-fg: #1b1f2a;
    --preau-accent: #1f5fbf; --preau-accent-fg: #ffffff; --preau-muted: #4a5263; --preau-surface: #ffffff; --preau-danger: #b3261e;
    --preau-radius: 10px; --preau-focus: 3px solid #f2a900; }
  html, body { margin: 0; background: var(--preau-bg); color: var(--preau-fg); font-family: var(--preau-font); }
  .preau-loading { padding: 1rem; }
`;
/** The colour of the browser's bar on phones (`theme-color`), the header's. */
const THEME_COLOUR = '#1f5fbf';

// Beside index.html: the hashes of its inline script and style, which the Content-Security-Policy allows.
const INLINE_FILE = 'csp-inline.json';

/**
 * The modules the shell shares with plugins through its import map, by bare specifier. A plugin may import
 * any of these and nothing else of Lit; its bundle leaves them out.
 */
export const IMPORT_MAP_MODULES: Record<string, string> = {
  lit: 'lit',
  'lit/decorators.js': 'lit-decorators',
  'lit/directive.js': 'lit-directive',
  'lit/directives/class-map.js': 'lit-class-map',
  'lit/directives/style-map.js': 'lit-style-map',
  'lit/directives/repeat.js': 'lit-repeat',
  'lit/directives/if-defined.js': 'lit-if-defined',
  'lit/directives/unsafe-html.js': 'lit-unsafe-html',
  'lit/directives/live.js': 'lit-live',
  'lit/directives/ref.js': 'lit-ref',
  'lit/directives/until.js': 'lit-until',
  'lit/directives/when.js': 'lit-when',
  '@lit/context': 'lit-context',
  '@preau/sdk/web': 'preau-sdk-web',
};

/** The built shell: its folder, and the file of its app entry. */
export interface BuiltShell {
  dir: string;
  app: string;
  inline: InlineSources;
}

/** The folder of the installed @preau/shell. */
export function shellPackageRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('@preau/shell/package.json'));
}

/**
 * The shell to serve. With `build` (tests, `npm run dev`) and the shell's source at hand, it is bundled into
 * the build cache; otherwise it is the bundle @preau/shell was built with (`preau build`), so that a server
 * never writes into its install folder.
 */
export async function prepareShell(options: { baseDir: string; build: boolean }): Promise<BuiltShell> {
  const root = shellPackageRoot();
  if (options.build && existsSync(join(root, 'src', 'index.ts'))) return bundleShell(root, join(webCacheDir(options.baseDir), 'shell'));
  const dir = webBundleDir(root);
  const built = readBuild(dir);
  if (!built?.entries.app || !existsSync(join(dir, 'index.html')) || !existsSync(join(dir, INLINE_FILE))) {
    throw new Error(`The shell is not built (nothing in ${dir}): run \`npm run build\` in the Préau repository.`);
  }
  const inline = JSON.parse(readFileSync(join(dir, INLINE_FILE), 'utf8')) as InlineSources;
  return { dir, app: built.entries.app, inline };
}

/**
 * Bundles the shell at `shellRoot` into `dir`: the shell and the shared modules in one esbuild run with code
 * splitting, so that the shell, the import map's modules and therefore every plugin share a single Lit.
 * Writes `index.html` with the import map.
 */
export async function bundleShell(shellRoot: string, dir: string): Promise<BuiltShell> {
  const entryPoints: Record<string, string> = { app: join(shellRoot, 'src', 'index.ts'), 'offline-page': join(shellRoot, 'src', 'service-worker', 'offline-page.ts') };
  for (const name of Object.values(IMPORT_MAP_MODULES)) entryPoints[name] = join(shellRoot, 'src', 'shared-modules', `${name}.ts`);
  const stamp = await buildOnce(dir, { entryPoints, splitting: true, absWorkingDir: shellRoot, ...SOURCE_CONDITIONS });
  const imports = Object.fromEntries(
    Object.entries(IMPORT_MAP_MODULES).map(([specifier, name]) => [specifier, `/shell/${stamp.entries[name]}`]),
  );
  const importMap = JSON.stringify({ imports });
  const tokensFile = join(shellRoot, 'src', 'design', 'tokens.css');
  const tokensStyle = existsSync(tokensFile) ? `\n${readFileSync(tokensFile, 'utf8')}` : DEFAULT_TOKENS_STYLE;
  // The favicon and Préau's icons (shell/public, and the PNG sizes drawn from its SVG), served under /icons/ and
  // /favicon.ico; the web app manifest is made from the configuration (web-routes.ts).
  const icons = join(shellRoot, 'public');
  if (existsSync(icons)) cpSync(icons, join(dir, 'icons'), { recursive: true });
  await drawIcons(join(dir, 'icons'));
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Préau</title>
<meta name="color-scheme" content="light">
<meta name="theme-color" content="${THEME_COLOUR}">
<link rel="icon" href="/favicon.ico" sizes="48x48">
<link rel="icon" href="/icons/preau.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png">
<link rel="manifest" href="/icons/manifest.webmanifest">
<link rel="icon" href="/icons/icon-192.png" type="image/png" sizes="192x192">
<script type="importmap">${importMap}</script>
<link rel="modulepreload" href="/shell/${stamp.entries.app}">
<style>${tokensStyle}</style>
</head>
<body>
<preau-app><p class="preau-loading">Chargement de Préau…</p></preau-app>
<noscript>Préau a besoin de JavaScript pour fonctionner.</noscript>
<script type="module" src="/shell/${stamp.entries.app}"></script>
</body>
</html>
`;
  writeFileSync(join(dir, 'index.html'), html);
  const offlineStyle = await buildServiceWorker(shellRoot, dir, { offlineScript: stamp.entries['offline-page']!, entries: Object.values(stamp.entries), outputs: stamp.outputs });
  const inline: InlineSources = { scripts: [hashSource(importMap)], styles: [hashSource(tokensStyle), offlineStyle] };
  writeFileSync(join(dir, INLINE_FILE), JSON.stringify(inline));
  return { dir, app: stamp.entries.app!, inline };
}
