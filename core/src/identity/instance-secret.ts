import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';

/**
 * A secret shared by every server process, created once and kept in the database (a key in a config file would
 * have to be copied to each process, and lost keys would void every activation code).
 */
export async function instanceSecret(knex: Knex, name: string): Promise<Buffer> {
  await knex('core.instance_secrets')
    .insert({ name, value: randomBytes(32).toString('base64') })
    .onConflict('name')
    .ignore();
  const row = await knex('core.instance_secrets').where({ name }).first('value');
  return Buffer.from(row.value, 'base64');
}
