import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildOnce } from './build-once.js';
import { webCacheDir } from './build-plugin-web.js';
import { hashSource, type InlineSources } from '../http/security-headers.js';

// The design tokens, inline so that the first paint has them; allowed by the CSP through their hash.
const TOKENS_STYLE = `
  :root { --preau-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --preau-bg: #f6f7fb; --preau-fg: #1b1f2a;
    --preau-accent: #1f5fbf; --preau-accent-fg: #ffffff; --preau-muted: #4a5263; --preau-surface: #ffffff; --preau-danger: #b3261e;
    --preau-radius: 10px; --preau-focus: 3px solid #f2a900; }
  html, body { margin: 0; background: var(--preau-bg); color: var(--preau-fg); font-family: var(--preau-font); }
  .preau-loading { padding: 1rem; }
`;

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

/** The built shell: its folder, the file of its app entry, and the hashes of its page's inline elements. */
export interface BuiltShell {
  dir: string;
  app: string;
  inline: InlineSources;
}

/**
 * Builds the shell and the shared modules in one esbuild run with code splitting, so that the shell, the
 * import map's modules and therefore every plugin share a single Lit. Writes `index.html` with the import map.
 */
export async function buildShell(baseDir: string): Promise<BuiltShell> {
  const require = createRequire(import.meta.url);
  const shellDir = dirname(require.resolve('@preau/shell/package.json'));
  const dir = join(webCacheDir(baseDir), 'shell');
  const entryPoints: Record<string, string> = { app: join(shellDir, 'src', 'index.ts') };
  const stubs: Record<string, string> = {};
  for (const [specifier, name] of Object.entries(IMPORT_MAP_MODULES)) {
    const stub = join(shellDir, 'src', 'shared-modules', `${name}.ts`);
    stubs[name] = specifier;
    entryPoints[name] = stub;
  }
  const stamp = await buildOnce(dir, { entryPoints, splitting: true, absWorkingDir: shellDir });
  const imports = Object.fromEntries(
    Object.entries(IMPORT_MAP_MODULES).map(([specifier, name]) => [specifier, `/shell/${stamp.entries[name]}`]),
  );
  const importMap = JSON.stringify({ imports });
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Préau</title>
<meta name="color-scheme" content="light">
<script type="importmap">${importMap}</script>
<link rel="modulepreload" href="/shell/${stamp.entries.app}">
<style>${TOKENS_STYLE}</style>
</head>
<body>
<preau-app><p class="preau-loading">Chargement de Préau…</p></preau-app>
<noscript>Préau a besoin de JavaScript pour fonctionner.</noscript>
<script type="module" src="/shell/${stamp.entries.app}"></script>
</body>
</html>
`;
  writeFileSync(join(dir, 'index.html'), html);
  return { dir, app: stamp.entries.app!, inline: { scripts: [hashSource(importMap)], styles: [hashSource(TOKENS_STYLE)] } };
}
