import type { Knex } from 'knex';
import { loadConfig } from '../config/load-config.js';
import type { PreauConfig } from '../config/config-schema.js';
import { openConfiguredDatabase, type Database } from '../db/open-database.js';
import { migrateUp } from '../db/migrator.js';
import { instanceSecret } from '../identity/instance-secret.js';
import { CORE_MIGRATIONS } from '../platform.js';
import { SchoolNotFound } from '../errors.js';

/** The core's database, migrated, for a command that works without the HTTP server. */
export interface OpenCore {
  config: PreauConfig;
  knex: Knex;
  database: Database;
  activationKey: Buffer;
  close(): Promise<void>;
}

/** Opens the configured database (PGlite or PostgreSQL) and applies the core's pending migrations. */
export async function openCore(): Promise<OpenCore> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await migrateUp(database.knex, CORE_MIGRATIONS);
    const activationKey = await instanceSecret(database.knex, 'activation-codes');
    return { config, knex: database.knex, database, activationKey, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The id of the school with this UAI code, or a coded error. */
export async function schoolIdByUai(knex: Knex, uai: string): Promise<number> {
  const row = await knex('core.schools').where({ uai: uai.toUpperCase() }).first('id');
  if (!row) throw SchoolNotFound(uai.toUpperCase());
  return row.id;
}
