import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_PARSERS } from '../db/open-database.js';

// Creating a PGlite runs initdb (about 3 s here); loading a saved empty cluster takes about 1 s, and wiping a
// used instance about 50 ms. So: one template per machine (in the build cache), one instance per test
// process, wiped between platforms.
const idle: { pglite: PGlite; timer: NodeJS.Timeout }[] = [];
// An idle engine keeps the process alive; closed when no platform took it within this delay.
const IDLE_MS = 1000;
let template: Promise<Blob> | undefined;

function templateFile(): string {
  const require = createRequire(import.meta.url);
  // .../node_modules/@electric-sql/pglite/dist/index.cjs: the package folder is one up, node_modules three up.
  const packageDir = dirname(dirname(require.resolve('@electric-sql/pglite')));
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  return join(packageDir, '..', '..', '.cache', 'preau', `pglite-empty-${version}.tar`);
}

async function loadTemplate(): Promise<Blob> {
  const file = templateFile();
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    const fresh = new PGlite();
    await fresh.waitReady;
    const dump = await fresh.dumpDataDir('none');
    await fresh.close();
    mkdirSync(dirname(file), { recursive: true });
    // Written aside then renamed: test processes running side by side never read half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  }
}

/** An empty PGlite for one test platform. */
export async function takePglite(): Promise<PGlite> {
  const reused = idle.pop();
  if (reused) {
    clearTimeout(reused.timer);
    return reused.pglite;
  }
  template ??= loadTemplate();
  const pglite = new PGlite({ loadDataDir: await template, parsers: PGLITE_PARSERS });
  await pglite.waitReady;
  return pglite;
}

/** Empties an instance (every schema dropped, settings reset) and keeps it for the next platform. */
export async function releasePglite(pglite: PGlite): Promise<void> {
  await pglite.exec(`
    do $$ declare s text; begin
      for s in select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema' loop
        execute format('drop schema %I cascade', s);
      end loop;
      create schema public;
    end $$;
    reset all;
  `);
  const entry = {
    pglite,
    timer: setTimeout(() => {
      idle.splice(idle.indexOf(entry), 1);
      void pglite.close();
    }, IDLE_MS),
  };
  idle.push(entry);
}
