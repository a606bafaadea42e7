import t from 'tap';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../../src/testing/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import { loadPlugins, pluginMigrations } from '../../src/plugins/plugin-host.js';
import { listMigrations, migrateDown, migrateUp, pendingMigrations } from '../../src/db/migrator.js';
import { CORE_MIGRATIONS } from '../../src/platform.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

t.test('the migrations of the core and of every configured plugin go up, down and up again', async (t) => {
  const database = await createTestDatabase();
  t.teardown(() => database.close());
  const { knex } = database;
  const config = loadConfig({ cwd: repoRoot, env: {} });
  const { registry, order } = await loadPlugins(config.plugins, config.bundles, config.baseDir);
  t.ok(order.includes('lunch-menu'), 'the example plugin is configured');
  const sets = [CORE_MIGRATIONS, ...order.map((name) => pluginMigrations(registry.get(name)!))];

  const userSchemas = async () =>
    (await knex.raw(`select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public') order by 1`)).rows.map(
      (r: { nspname: string }) => r.nspname,
    );
  const tables = async () =>
    (await knex.raw(`select table_schema || '.' || table_name as t from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') order by 1`)).rows.map(
      (r: { t: string }) => r.t,
    );

  for (const set of sets) t.same(await migrateUp(knex, set), listMigrations(set), `${set.owner} up`);
  const afterFirstUp = await tables();
  t.ok(afterFirstUp.includes('core.users') && afterFirstUp.includes('lunch_menu.menus'));
  for (const set of sets) t.same(await pendingMigrations(knex, set), [], `${set.owner} has nothing pending`);

  for (const set of [...sets].reverse()) t.same(await migrateDown(knex, set), listMigrations(set).reverse(), `${set.owner} down`);
  t.same(await userSchemas(), [], 'down removes every table and schema');

  for (const set of sets) await migrateUp(knex, set);
  t.same(await tables(), afterFirstUp, 'up again gives the same tables');
  for (const set of sets) t.same(await migrateUp(knex, set), [], `${set.owner} up twice applies nothing`);
});

t.test('migrating down by steps reverts the newest migrations first', async (t) => {
  const database = await createTestDatabase();
  t.teardown(() => database.close());
  await migrateUp(database.knex, CORE_MIGRATIONS);
  const all = listMigrations(CORE_MIGRATIONS);
  t.same(await migrateDown(database.knex, CORE_MIGRATIONS, 1), [all.at(-1)]);
  t.same(await pendingMigrations(database.knex, CORE_MIGRATIONS), [all.at(-1)]);
  t.same(await migrateUp(database.knex, CORE_MIGRATIONS), [all.at(-1)]);
});
