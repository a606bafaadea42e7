import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import type { Migration } from '@preau/sdk';
import { quoteIdent } from './schema-bound-knex.js';

/** Whose migrations: the core or one plugin, each in its own Postgres schema with its own history. */
export interface MigrationSet {
  owner: string;
  schema: string;
  /** Extra schemas on the search path while migrating (a plugin may reference `core` tables in foreign keys). */
  alsoOnPath?: readonly string[];
  folder?: URL | string;
}

/** A migration that failed, with the file that failed; nothing of the set was kept. */
export class MigrationError extends Error {
  constructor(
    readonly owner: string,
    readonly migration: string,
    readonly reason: Error,
  ) {
    super(`${owner}: migration ${migration} failed: ${reason.message}`);
    this.name = 'MigrationError';
  }
}

const MIGRATION_FILE = /^\d+[-_].+\.(ts|js|mjs)$/;

/**
 * A migration is known by its file name without the extension: the same migration is `001-x.ts` in the
 * workspace and `001-x.js` once compiled, and a database migrated by one must not run it again under the other.
 */
const stem = (file: string): string => file.replace(/\.(ts|js|mjs)$/, '');

function folderPath(folder: URL | string): string {
  return folder instanceof URL ? fileURLToPath(folder) : folder.startsWith('file:') ? fileURLToPath(folder) : folder;
}

/** The migration files of a set, in order (their names start with a number: `001-create-menus.ts`). */
export function listMigrations(set: MigrationSet): string[] {
  if (!set.folder) return [];
  const dir = folderPath(set.folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file) && !file.endsWith('.d.ts'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

async function importMigration(set: MigrationSet, file: string): Promise<Migration> {
  const module = (await import(pathToFileURL(join(folderPath(set.folder!), file)).href)) as Partial<Migration> & { default?: Migration };
  const migration = module.default ?? module;
  if (typeof migration.up !== 'function' || typeof migration.down !== 'function') {
    throw new Error(`${file} must export up() and down()`);
  }
  return migration as Migration;
}

async function prepare(trx: Knex.Transaction, set: MigrationSet): Promise<void> {
  // One migrator at a time per schema, across every server process starting together.
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`preau-migrate:${set.schema}`]);
  await trx.raw(`create schema if not exists ${quoteIdent(set.schema)}`);
  const path = [set.schema, ...(set.alsoOnPath ?? [])].map(quoteIdent).join(', ');
  await trx.raw(`set local search_path to ${path}`);
  await trx.raw(
    `create table if not exists ${quoteIdent(set.schema)}.preau_migrations (name text primary key, applied_at timestamptz not null default now())`,
  );
}

async function applied(trx: Knex.Transaction, set: MigrationSet): Promise<string[]> {
  const rows = await trx.withSchema(set.schema).select('name').from('preau_migrations').orderBy('name');
  return rows.map((row: { name: string }) => row.name);
}

/** The names of migrations not yet applied (read-only). */
export async function pendingMigrations(knex: Knex, set: MigrationSet): Promise<string[]> {
  const files = listMigrations(set);
  const exists = await knex.raw('select to_regclass(?) as t', [`${quoteIdent(set.schema)}.preau_migrations`]);
  if (!exists.rows[0].t) return files;
  const done = new Set((await knex.withSchema(set.schema).select('name').from('preau_migrations')).map((r: { name: string }) => stem(r.name)));
  return files.filter((file) => !done.has(stem(file)));
}

/** Applies every pending migration of the set in one transaction: all of them, or none. */
export async function migrateUp(knex: Knex, set: MigrationSet): Promise<string[]> {
  const files = listMigrations(set);
  return knex.transaction(async (trx) => {
    await prepare(trx, set);
    const done = new Set((await applied(trx, set)).map(stem));
    const ran: string[] = [];
    for (const file of files) {
      if (done.has(stem(file))) continue;
      try {
        const migration = await importMigration(set, file);
        await migration.up(trx);
      } catch (error) {
        throw new MigrationError(set.owner, file, error as Error);
      }
      await trx.withSchema(set.schema).insert({ name: file }).into('preau_migrations');
      ran.push(file);
    }
    return ran;
  });
}

/**
 * Reverts applied migrations, newest first, in one transaction (`steps` of them, or all). Reverting all
 * also drops the history table and, when nothing else is left in it, the schema.
 */
export async function migrateDown(knex: Knex, set: MigrationSet, steps = Infinity): Promise<string[]> {
  return knex.transaction(async (trx) => {
    await prepare(trx, set);
    const done = (await applied(trx, set)).reverse();
    const files = new Map(listMigrations(set).map((file) => [stem(file), file]));
    const reverted: string[] = [];
    for (const name of done.slice(0, steps)) {
      const file = files.get(stem(name)) ?? name;
      try {
        const migration = await importMigration(set, file);
        await migration.down(trx);
      } catch (error) {
        throw new MigrationError(set.owner, file, error as Error);
      }
      await trx.withSchema(set.schema).delete().from('preau_migrations').where({ name });
      reverted.push(file);
    }
    if (reverted.length === done.length) {
      await trx.raw(`drop table ${quoteIdent(set.schema)}.preau_migrations`);
      const left = await trx.raw(
        `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ?`,
        [set.schema],
      );
      if (left.rows[0].n === 0) await trx.raw(`drop schema ${quoteIdent(set.schema)}`);
    }
    return reverted;
  });
}
