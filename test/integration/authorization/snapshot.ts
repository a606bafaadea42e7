import type { TestPlatform } from '@preau/core/testing';

type Knex = TestPlatform['knex'];

// Written by every request or by time, not by what a request asks: sessions are touched when used.
const MOVING = new Set(['core.sessions']);

/** A fingerprint of every table of the core's and the apps' schemas, to tell whether anything was written. */
export async function snapshotTables(knex: Knex): Promise<Record<string, string>> {
  const tables: { schema: string; name: string }[] = (await knex.raw(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'public')
      order by 1, 2`,
  )).rows;
  const snapshot: Record<string, string> = {};
  for (const { schema, name } of tables) {
    if (MOVING.has(`${schema}.${name}`)) continue;
    const { rows } = await knex.raw(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${schema}"."${name}" t`);
    snapshot[`${schema}.${name}`] = `${rows[0].n}:${rows[0].digest}`;
  }
  return snapshot;
}
