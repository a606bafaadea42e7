/**
 * Communication resolver benchmark on one school of about 500 people (a synthetic ONDE import of 10 classes ×
 * 20 pupils, their relatives, 10 teachers and a few staff), on PostgreSQL by default. It prints figures and
 * asserts nothing. Baseline in the same run and database: a bare name search over the school's members with no
 * rule at all (one indexed join and a `like`), i.e. the floor of any directory search.
 */
import { availableParallelism, cpus } from 'node:os';
import { createTestPlatform, generateOndeSchool, type TestDatabaseKind } from '@preau/core/testing';
import { readOndeFiles, runOndeImport } from '@preau/core';
import { time, type Latency } from './latency.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const ROUNDS = Number(process.env.PREAU_BENCH_ROUNDS ?? 2000);
const QUERIES = ['', 'ma', 'mar', 'martin', 'dup', 'lé', 'parents', 'enseignants', 'sophie b', 'cm2'];



const platform = await createTestPlatform({ database });
try {
  const { knex } = platform;
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const files = generateOndeSchool({ seed: 7, classes: 10, pupilsPerClass: 20 });
  await runOndeImport(knex, {
    schoolId: school.id, files: readOndeFiles(files, { maxBytes: 20 * 1024 * 1024 }), now: platform.clock.now(),
    activationKey: platform.platform.activationKey, codeDays: 90, actorId: null, dryRun: false,
  });
  const classes = await knex('core.classes').where({ school_id: school.id }).select('id');
  const teachers: { id: number }[] = [];
  for (const [index, c] of classes.entries()) {
    const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: `MARTIN Sophie ${index}` });
    await knex('core.class_members').insert({ class_id: c.id, user_id: teacher.id });
    teachers.push(teacher);
  }
  for (let i = 0; i < 5; i += 1) await platform.createUser({ profile: 'Personnel', schools: [school] });
  await knex('core.users').update({ state: 'active' });
  await knex.raw('analyze');
  const people = (await knex('core.memberships').where({ school_id: school.id }).count<{ count: string }[]>('* as count'))[0]!.count;
  const parent = await knex('core.relative_links as rl').join('core.memberships as m', 'm.user_id', 'rl.relative_id').where('m.school_id', school.id).first('rl.relative_id as id');
  const everyone = await knex('core.memberships').where({ school_id: school.id }).pluck('user_id');
  const hundred = everyone.slice(0, 100);
  const communication = platform.platform.communication;

  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}`);
  console.log(`one school of ${people} people (10 classes), ${ROUNDS} calls per row after 200 warm-up calls, queries rotating over ${QUERIES.length} search strings\n`);
  const rows: [string, Latency][] = [];
  rows.push(['baseline: bare name search over the school (no rules)', await time(ROUNDS, (i) => knex.raw(
    `select u.id, u.display_name from core.memberships m join core.users u on u.id = m.user_id
      where m.school_id = ? and lower(u.display_name) like ? order by u.display_name limit 20`, [school.id, `%${QUERIES[i % QUERIES.length]}%`]))]);
  rows.push(['directory search, a parent (visibleRecipients)', await time(ROUNDS, (i) => communication.visibleRecipients(parent.id, { query: QUERIES[i % QUERIES.length], limit: 20 }))]);
  rows.push(['directory search, a teacher (visibleRecipients)', await time(ROUNDS, (i) => communication.visibleRecipients(teachers[0]!.id, { query: QUERIES[i % QUERIES.length], limit: 20 }))]);
  rows.push(['canCommunicate, teacher → 100 people', await time(ROUNDS, () => communication.canCommunicate(teachers[0]!.id, { users: hundred }))]);
  rows.push(['canCommunicate, parent → 100 people', await time(ROUNDS, () => communication.canCommunicate(parent.id, { users: hundred }))]);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'call'.padEnd(width)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'mean ms'.padStart(7)}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(width)}  ${f.p50.toFixed(2).padStart(7)}  ${f.p99.toFixed(2).padStart(7)}  ${f.mean.toFixed(2).padStart(7)}`);
  console.log('\ntargets: search p99 < 20 ms; canCommunicate for 100 recipients < 5 ms (PostgreSQL)');
} finally {
  await platform.close();
}
