import t from 'tap';
import { createTestDatabase } from '../../src/testing/index.js';
import { migrateDown, migrateUp, pendingMigrations } from '../../src/db/migrator.js';

const migration = `export default {
  async up(db) { await db.schema.createTable('notes', (table) => { table.increments('id'); }); },
  async down(db) { await db.schema.dropTable('notes'); },
};
`;

t.test('a migration applied from its TypeScript source is not run again once compiled, and reverts from the compiled file', async (t) => {
  const database = await createTestDatabase();
  t.teardown(() => database.close());
  const { knex } = database;
  const folders = t.testdir({ source: { '001-notes.ts': migration }, compiled: { '001-notes.js': migration, '001-notes.d.ts': 'export {};\n' } });
  const set = (folder: string) => ({ owner: 'notes', schema: 'notes', folder: `${folders}/${folder}` });

  t.same(await migrateUp(knex, set('source')), ['001-notes.ts']);
  t.same(await pendingMigrations(knex, set('compiled')), [], 'the compiled file is the same migration');
  t.same(await migrateUp(knex, set('compiled')), [], 'nothing runs twice');
  t.same(await migrateDown(knex, set('compiled')), ['001-notes.js'], 'reverted with the compiled file');
  const left = await knex.raw(`select count(*)::int as n from pg_namespace where nspname = 'notes'`);
  t.equal(left.rows[0].n, 0, 'the table, the history and the schema are gone');
});
