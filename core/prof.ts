import { PGlite } from '@electric-sql/pglite';
import { readFile } from 'node:fs/promises';
const dist = new URL('../node_modules/@electric-sql/pglite/dist/', import.meta.url);
let t0 = performance.now();
const [pw, iw, bundle] = await Promise.all([
  readFile(new URL('pglite.wasm', dist)).then((b) => WebAssembly.compile(b)),
  readFile(new URL('initdb.wasm', dist)).then((b) => WebAssembly.compile(b)),
  readFile(new URL('pglite.data', dist)).then((b) => new Blob([b])),
]);
console.log('compile', performance.now() - t0); t0 = performance.now();
const opts = { pgliteWasmModule: pw, initdbWasmModule: iw, fsBundle: bundle };
const a = new PGlite(opts); await a.waitReady;
console.log('ready', performance.now() - t0); t0 = performance.now();
const b = new PGlite(opts); await b.waitReady;
console.log('ready2', performance.now() - t0); t0 = performance.now();
const dump = await b.dumpDataDir('none');
console.log('dump', performance.now() - t0); t0 = performance.now();
const c = new PGlite({ ...opts, loadDataDir: dump }); await c.waitReady;
console.log('from dump', performance.now() - t0); t0 = performance.now();
const d = new PGlite({ ...opts, loadDataDir: dump }); await d.waitReady;
console.log('from dump2', performance.now() - t0); t0 = performance.now();
await d.query('select 1');
console.log('q', performance.now() - t0);
