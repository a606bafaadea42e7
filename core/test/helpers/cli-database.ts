import type { Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { testPostgresUrl } from '../../src/testing/index.js';

/** A database of its own for the CLI: a PGlite folder in the test dir, or a new PostgreSQL database. */
export async function cliDatabase(t: Test, dir: string): Promise<NodeJS.ProcessEnv> {
  if (process.env.PREAU_TEST_DATABASE !== 'postgres') return { DATABASE_URL: '', PREAU_DATA_DIR: join(dir, '.data') };
  const name = `preau_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  t.teardown(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { DATABASE_URL: testPostgresUrl(name) };
}

export const files = (folder: URL) => ['--pupils', fileURLToPath(new URL('CSVExtraction-eleves.csv', folder)), '--guardians', fileURLToPath(new URL('CSVExtraction-responsables.csv', folder))];

