import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/open-database.js';
import { releasePglite, takePglite } from './pglite-pool.js';

/** The engines a test can run on. */
export type TestDatabaseKind = 'pglite' | 'postgres';

/** The engine tests use unless told: `PREAU_TEST_DATABASE=postgres` runs the whole suite on PostgreSQL. */
export function defaultTestDatabase(): TestDatabaseKind {
  return process.env.PREAU_TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
}

/** The server tests create their PostgreSQL databases on (trust authentication on loopback by default). */
export function testPostgresUrl(database = 'postgres'): string {
  const url = new URL(process.env.PREAU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.href;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database: PGlite in memory (or in `dataDir`), or a new PostgreSQL database that closing drops.
 */
export async function createTestDatabase(kind: TestDatabaseKind = defaultTestDatabase(), options: { dataDir?: string } = {}): Promise<Database> {
  if (kind === 'pglite') {
    if (options.dataDir) return openDatabase({ dataDir: options.dataDir });
    const pglite = await takePglite();
    const database = await openDatabase({ dataDir: '', pglite });
    return {
      ...database,
      async close() {
        await database.close();
        await releasePglite(pglite);
      },
    };
  }
  const name = `preau_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const database = await openDatabase({ url: testPostgresUrl(name), dataDir: '', poolSize: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
