// Measures what a browser downloads: the shell's initial JavaScript (its app entry and every chunk that entry
// imports statically, before any app or the editor loads) and the editor's on-demand chunk, gzipped.
// `npm run size` from the repository's root; it bundles the shell first with `preau build shell`, as `npm run build` does.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The quality bar of issue 5: the shell's initial JavaScript stays under 80 KB gzipped. */
const INITIAL_LIMIT_KB = 80;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// core/src/web/build-plugin-web.ts: webBundleDir(packageRoot), where the @preau/shell package ships its bundle.
const shellDir = join(root, 'shell', 'dist', 'web-bundle');

// The compiled CLI, as `npm run build` runs it: what is measured is what the @preau/shell package ships.
execFileSync(process.execPath, [join(root, 'core', 'bin', 'preau.js'), 'build', 'shell'], { cwd: root, stdio: 'inherit' });
const stamp = JSON.parse(readFileSync(join(shellDir, 'build-stamp.json'), 'utf8')) as { entries: Record<string, string>; outputs: string[] };

// esbuild's minified ESM: `import{a as b}from"./chunks/x.js"`, `import"./x.js"`, `export{…}from"./x.js"`;
// a dynamic `import("./x.js")` is not followed (that is what loads on demand).
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']([^"']+\.js)["']/g;

function staticImports(file: string): string[] {
  const code = readFileSync(join(shellDir, file), 'utf8');
  return [...code.matchAll(STATIC_IMPORT)].map((match) => posix.join(posix.dirname(file), match[1]!));
}

/** `file` and everything it imports statically, transitively. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of staticImports(file)) closure(imported, seen);
  return seen;
}

const gzipped = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(shellDir, file)), { level: 9 }).length, 0);
const raw = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + readFileSync(join(shellDir, file)).length, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const initial = closure(stamp.entries.app!);
const editorChunk = stamp.outputs.find((file) => /^chunks\/editor-core-[A-Z0-9]+\.js$/.test(file));
if (!editorChunk) throw new Error('no editor-core chunk: is <preau-editor> still importing it with import()?');
const editor = [...closure(editorChunk)].filter((file) => !initial.has(file));

// What the editor itself imports on demand (KaTeX, once a formula is shown).
const DYNAMIC_IMPORT = /import\(\s*["']([^"']+\.js)["']\s*\)/g;
const later = new Set<string>();
for (const file of editor) {
  for (const match of readFileSync(join(shellDir, file), 'utf8').matchAll(DYNAMIC_IMPORT)) {
    for (const chunk of closure(posix.join(posix.dirname(file), match[1]!))) if (!initial.has(chunk) && !editor.includes(chunk)) later.add(chunk);
  }
}

const rows: [string, number, number, number][] = [
  ['initial shell JS (app entry + static imports)', initial.size, raw(initial), gzipped(initial)],
  ['editor on demand (editor-core + its own chunks)', editor.length, raw(editor), gzipped(editor)],
  ['formulas on demand (KaTeX, first formula shown)', later.size, raw(later), gzipped(later)],
];
for (const [name, files, bytes, gz] of rows) console.log(`${name.padEnd(50)} ${String(files).padStart(2)} file(s)  ${kb(bytes).padStart(9)}  ${kb(gz).padStart(8)} gzipped`);
const initialGz = rows[0]![3];
if (initialGz > INITIAL_LIMIT_KB * 1024) {
  console.error(`The initial shell JS is ${kb(initialGz)} gzipped: over the ${INITIAL_LIMIT_KB} KB budget.`);
  process.exitCode = 1;
}
