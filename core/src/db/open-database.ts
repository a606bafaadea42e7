import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { PgliteClient } from './pglite-client.js';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

/** Which engine the platform runs on. */
export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the core's knex (schema-qualified queries only) and what the event bus needs to listen. */
export interface Database {
  kind: DatabaseKind;
  knex: Knex;
  /** The embedded engine, when `kind` is `pglite`. */
  pglite?: PGlite;
  /** The connection string, when `kind` is `postgres`. */
  url?: string;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*), sums) as strings to stay exact; the counts we take stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// Dates without time are calendar days (a term from 2026-09-01 to 2026-12-18): keep them as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * Uses a PGlite instance the caller owns (the test harness reuses instances): knex closing its "connection"
 * must not close the engine, so knex gets a view of it whose `close` does nothing.
 */
function borrowPglite(pglite: PGlite): Database {
  const view = new Proxy(pglite, {
    get(target, property) {
      if (property === 'close') return async () => {};
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const knex = knexFactory({ client: PgliteClient as unknown as typeof knexFactory.Client, connection: { pglite: view } as Knex.StaticConnectionConfig });
  return { kind: 'pglite', knex, pglite, close: () => knex.destroy() };
}

/** PGlite's type choices, made the same as those above for pg: calendar days stay 'YYYY-MM-DD'. */
export const PGLITE_PARSERS = { [pg.types.builtins.DATE]: (value: string) => value };

/** Where PGlite keeps its files inside the data folder. */
export function pgliteDir(dataDir: string): string {
  return resolve(dataDir, 'pglite');
}

/**
 * Opens PostgreSQL when `url` is given, else PGlite in `dataDir` (or in memory with `dataDir: 'memory://'`).
 * PGlite is one connection: knex gets a pool of one, and the data folder is locked so that no second
 * process opens it.
 */
export async function openDatabase(options: { url?: string; dataDir: string; poolSize?: number; pglite?: PGlite }): Promise<Database> {
  if (options.url) {
    const knex = knexFactory({
      client: 'pg',
      connection: options.url,
      pool: { min: 0, max: options.poolSize ?? 10 },
    });
    await knex.raw('select 1');
    return { kind: 'postgres', knex, url: options.url, close: () => knex.destroy() };
  }
  if (options.pglite) return borrowPglite(options.pglite);
  const inMemory = options.dataDir.startsWith('memory://');
  let unlock = async (): Promise<void> => {};
  let pglite: PGlite;
  if (inMemory) {
    pglite = new PGlite({ parsers: PGLITE_PARSERS });
  } else {
    const dir = pgliteDir(options.dataDir);
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
    pglite = new PGlite(dir, { parsers: PGLITE_PARSERS });
  }
  try {
    await pglite.waitReady;
  } catch (error) {
    await unlock();
    throw error;
  }
  const knex = knexFactory({ client: PgliteClient as unknown as typeof knexFactory.Client, connection: { pglite } as Knex.StaticConnectionConfig });
  return {
    kind: 'pglite',
    knex,
    pglite,
    close: async () => {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
      await unlock();
    },
  };
}

/** Opens the database a configuration names (PostgreSQL URL, or PGlite in its data folder). */
export function openConfiguredDatabase(config: { baseDir: string; database: { url?: string; dataDir: string; poolSize: number } }): Promise<Database> {
  return openDatabase({ url: config.database.url, dataDir: resolve(config.baseDir, config.database.dataDir), poolSize: config.database.poolSize });
}
