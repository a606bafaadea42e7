import t from 'tap';
import { createTestDatabase } from '../../src/testing/index.js';

t.test('delete, update and increment answer the number of rows on both engines', async (t) => {
  const database = await createTestDatabase();
  t.teardown(() => database.close());
  const { knex } = database;
  await knex.raw('create table public.counted (a int)');
  await knex('public.counted').insert([{ a: 1 }, { a: 1 }, { a: 2 }]);
  t.equal(await knex('public.counted').delete().where({ a: 9 }), 0, 'nothing deleted is 0, not a result object');
  t.equal(await knex('public.counted').update({ a: 3 }).where({ a: 1 }), 2);
  t.equal(await knex('public.counted').increment('a', 1).where({ a: 3 }), 2);
  t.equal(await knex('public.counted').delete().where({ a: 4 }), 2);
});

t.test('a plugin-bound knex reads its own schema first, and switching schemas on one connection keeps each right', async (t) => {
  const database = await createTestDatabase();
  t.teardown(() => database.close());
  const { knex } = database;
  const { schemaBoundKnex } = await import('../../src/db/schema-bound-knex.js');
  for (const schema of ['alpha', 'beta']) {
    await knex.raw(`create schema ${schema}`);
    await knex.raw(`create table ${schema}.things (name text)`);
    await knex(`${schema}.things`).insert({ name: schema });
  }
  const alpha = schemaBoundKnex(knex, ['alpha']);
  const beta = schemaBoundKnex(knex, ['beta']);
  for (let i = 0; i < 3; i += 1) {
    t.same(await alpha('things').pluck('name'), ['alpha']);
    t.same(await beta('things').pluck('name'), ['beta']);
    t.same(await alpha.transaction((trx) => trx('things').pluck('name')), ['alpha'], 'transactions too');
  }
});
