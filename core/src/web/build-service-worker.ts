import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import * as esbuild from 'esbuild';
import sharp from 'sharp';
import { hashSource } from '../http/security-headers.js';

/** The PNG sizes phones and stores ask for (Android launchers, the splash screen, shortcuts, iOS). */
export const ICON_SIZES = [48, 72, 96, 144, 192, 256, 384, 512] as const;

const OFFLINE_STYLE = `
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f6f7fb; color: #1b1f2a; line-height: 1.45; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.5rem; margin: 0.5rem 0; } h2 { font-size: 1.2rem; margin-top: 1.5rem; } h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
  ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
  .card { background: #fff; border-radius: 10px; padding: 0.75rem 1rem; border: 1px solid #d5d9e2; }
  .card h3, .card h4 { margin: 0 0 0.25rem; }
  .muted { color: #4a5263; font-size: 0.95rem; }
  button { min-height: 44px; padding: 0 1rem; border-radius: 10px; border: 0; background: #1f5fbf; color: #fff; font: inherit; font-weight: 600; }
  button:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
`;

/**
 * Préau's PNG icons in every size of ICON_SIZES, and a maskable one (the logo inside the safe zone on the
 * theme colour), drawn from the SVG icon. Made at build time, not on each start (sharp takes ~50 ms each).
 */
export async function drawIcons(iconsDir: string): Promise<void> {
  const svg = join(iconsDir, 'preau.svg');
  if (!existsSync(svg)) return;
  const source = readFileSync(svg);
  for (const size of ICON_SIZES) {
    const file = join(iconsDir, `icon-${size}.png`);
    if (!existsSync(file)) await sharp(source, { density: Math.ceil((72 * size) / 64) }).resize(size, size).png().toFile(file);
  }
  const maskable = join(iconsDir, 'icon-maskable-512.png');
  if (!existsSync(maskable)) {
    // The safe zone of a maskable icon is the centre circle of 80 %: the logo drawn at 60 % fits it.
    const logo = await sharp(source, { density: 480 }).resize(308, 308).png().toBuffer();
    await sharp({ create: { width: 512, height: 512, channels: 4, background: '#1f5fbf' } }).composite([{ input: logo, gravity: 'centre' }]).png().toFile(maskable);
  }
}

/**
 * Writes `/offline.html` (the page the worker shows when a page cannot load) and `/sw.js` into the built shell
 * `dir`. The worker precaches what the shell needs to start (its `entries` and their static imports), the icons
 * and the offline page; its version is the hash of all of them and of the list of the shell's files, so that any change of the shell makes a new worker (and the « nouvelle version » prompt).
 * Returns the offline page's inline style hash, for the Content-Security-Policy.
 */
/**
 * The shell's files that `entries` load before anything runs: the entries and, through their static imports,
 * the chunks they share. Chunks loaded on demand (the editor, KaTeX, the style guide) are left to the runtime cache.
 */
export function staticClosure(dir: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(join(dir, file))) return;
    seen.add(file);
    // esbuild's ESM output: `import{a as b}from"./chunks/x.js"` or `import"./x.js"`; `import("…")` is on demand.
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      visit(posix.normalize(posix.join(posix.dirname(file), match[1]!)));
    }
  };
  for (const entry of entries) visit(entry);
  return [...seen].sort();
}

export async function buildServiceWorker(
  shellRoot: string,
  dir: string,
  shell: { offlineScript: string; entries: readonly string[]; outputs: readonly string[] },
): Promise<string> {
  const { offlineScript, entries, outputs } = shell;
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hors connexion — Préau</title>
<meta name="theme-color" content="#1f5fbf">
<link rel="icon" href="/icons/preau.svg" type="image/svg+xml">
<style>${OFFLINE_STYLE}</style>
</head>
<body>
<main>
<h1>Vous êtes hors connexion</h1>
<p>Préau n'est pas joignable depuis cet appareil pour le moment. Cette page se recharge seule dès que le réseau revient.</p>
<p><button type="button" id="retry">Réessayer</button></p>
<section aria-labelledby="missing">
<h2 id="missing">Ce qui manque sans réseau</h2>
<p>La messagerie, les actualités, les documents, l'agenda et les pages qui n'ont pas été ouvertes récemment sur cet appareil ne sont pas disponibles. Rien de ce que vous écrivez ne peut être envoyé, sauf la confirmation de lecture d'un mot, gardée et envoyée au retour du réseau.</p>
</section>
</main>
<script type="module" src="/shell/${offlineScript}"></script>
</body>
</html>
`;
  writeFileSync(join(dir, 'offline.html'), html);
  const icons = existsSync(join(dir, 'icons')) ? readdirSync(join(dir, 'icons')).filter((file) => /\.(png|svg|ico)$/.test(file)).sort() : [];
  const precache = [
    '/offline.html',
    ...staticClosure(dir, entries).map((file) => `/shell/${file}`),
    ...icons.map((file) => `/icons/${file}`),
  ];
  const version = createHash('sha256');
  version.update(html);
  for (const file of icons) version.update(readFileSync(join(dir, 'icons', file)));
  // The shell's files are content-hashed: their names stand for their content (the lazy chunks' too).
  version.update(JSON.stringify([precache, outputs]));
  const build = async (value: string) => (await esbuild.build({
    entryPoints: [join(shellRoot, 'src', 'service-worker', 'service-worker.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    define: { __PREAU_VERSION__: JSON.stringify(value), __PREAU_PRECACHE__: JSON.stringify(precache) },
  })).outputFiles[0]!.text;
  version.update(await build(''));
  writeFileSync(join(dir, 'sw.js'), await build(version.digest('base64url').slice(0, 16)));
  return hashSource(OFFLINE_STYLE);
}
