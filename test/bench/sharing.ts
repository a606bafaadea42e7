/**
 * Sharing benchmark on one school of about 500 people (a synthetic ONDE import of 10 classes × 23 pupils and
 * their relatives, 10 teachers), on PostgreSQL by default. It prints figures and asserts nothing.
 *
 * Each teacher owns a tree of 210 folders (10 × 4 × 4) in the test app `folders`, 2,100 in all. Every teacher
 * shares 30 folders with their class's parents, 20 with single parents of it and one with the parent measured;
 * one teacher shares 10 with all the school's parents; the parent's class's teacher also shares 5 folders
 * inside ones already shared with them. So the parent has exactly 50 folders in "Partagé avec moi" among
 * 525 grants. Baseline in the same run and database: the bare select of those 50 rows by
 * their grants' primary keys (no rule, no tree, no group), i.e. the floor of any such list.
 */
import { availableParallelism, cpus } from 'node:os';
import { createTestPlatform, generateOndeSchool, type TestDatabaseKind, type TestUser } from '@preau/core/testing';
import { readOndeFiles, runOndeImport } from '@preau/core';
import folders from '../fixtures/plugins/folders/index.js';
import { time, type Latency } from './latency.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const ROUNDS = Number(process.env.PREAU_BENCH_ROUNDS ?? 2000);



const platform = await createTestPlatform({ database, plugins: [folders] });
try {
  const { knex } = platform;
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  await runOndeImport(knex, {
    schoolId: school.id, files: readOndeFiles(generateOndeSchool({ seed: 11, classes: 10, pupilsPerClass: 23 }), { maxBytes: 20 * 1024 * 1024 }),
    now: platform.clock.now(), activationKey: platform.platform.activationKey, codeDays: 90, actorId: null, dryRun: false,
  });
  await knex('core.users').update({ state: 'active' });
  const classes = await knex('core.classes').where({ school_id: school.id }).orderBy('id').pluck('id');
  const teachers: TestUser[] = [];
  for (const [index, classId] of classes.entries()) {
    const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: `ENSEIGNANT ${index}` });
    await knex('core.class_members').insert({ class_id: classId, user_id: teacher.id });
    teachers.push(teacher);
  }
  const parentsOf = async (classId: number): Promise<number[]> =>
    knex('core.class_members as cm').join('core.relative_links as rl', 'rl.pupil_id', 'cm.user_id').where('cm.class_id', classId).distinct().orderBy('rl.relative_id').pluck('rl.relative_id');
  const groupOf = async (where: Record<string, unknown>) => Number((await knex('core.groups').where({ school_id: school.id, ...where }).first('id')).id);

  // Each teacher's tree, through the app's table and the sharing service, as the app would build it.
  const sharing = platform.platform.sharing.forApp('folders');
  const trees: { tops: number[]; level2: number[]; level3: number[] }[] = [];
  process.stderr.write('building 2,100 folders');
  for (const teacher of teachers) {
    const make = async (count: number, parentId: number | null) => {
      const rows = await knex('folders.folders').insert(Array.from({ length: count }, (_, i) => ({ name: `Dossier ${i + 1}`, owner_id: teacher.id, parent_id: parentId }))).returning('id');
      for (const { id } of rows) await sharing.register({ type: 'folder', id }, { owner: teacher.id, parent: parentId ? { type: 'folder', id: parentId } : null });
      return rows.map((row: { id: number }) => row.id);
    };
    const tops = await make(10, null);
    const level2 = (await Promise.all(tops.map((top) => make(4, top)))).flat();
    const level3: number[] = [];
    for (const parent of level2) level3.push(...(await make(4, parent)));
    trees.push({ tops, level2, level3 });
    process.stderr.write('.');
  }
  process.stderr.write('\n');

  const folder = (id: number) => ({ type: 'folder', id });
  const quiet = { notify: false } as const;
  // A parent whose only child is in the first class: exactly what that class and the school share reaches them.
  const parent = Number((await knex.raw(
    `select rl.relative_id as id from core.relative_links rl join core.class_members cm on cm.user_id = rl.pupil_id
      group by rl.relative_id having count(*) = 1 and min(cm.class_id) = ? order by rl.relative_id limit 1`, [classes[0]])).rows[0].id);
  for (const [index, teacher] of teachers.entries()) {
    const tree = trees[index]!;
    const classParents = await groupOf({ class_id: classes[index], profile: 'Relative' });
    // 30 folders of level 3 in different branches (every other one), shared with the class's parents.
    for (const id of tree.level3.filter((_, i) => i % 2 === 0).slice(0, 30)) await sharing.grant(folder(id), { role: 'read', groups: [classParents] }, { by: teacher.id, ...quiet });
    const single = (await parentsOf(classes[index]!)).filter((id) => id !== parent);
    for (const [i, id] of tree.level3.filter((_, i) => i % 2 === 1).slice(0, 20).entries()) await sharing.grant(folder(id), { role: 'contribute', users: [single[i % single.length]!] }, { by: teacher.id, ...quiet });
    // One each for the parent, away from what else reaches them (the last teacher's top folders hold the school's shares).
    const direct = index === 9 ? tree.level3.at(-1)! : tree.tops[index === 0 ? 9 : 0]!;
    await sharing.grant(folder(direct), { role: 'read', users: [parent] }, { by: teacher.id, ...quiet });
  }
  // The last teacher also shares 10 with every parent of the school (one of them the parent's own above).
  const schoolParents = await groupOf({ kind: 'school', profile: 'Relative' });
  for (const id of trees[9]!.level2.filter((_, i) => i % 4 === 0).slice(0, 10)) await sharing.grant(folder(id), { role: 'read', groups: [schoolParents] }, { by: teachers[9]!.id, ...quiet });
  // Inside what the class's teacher already shared with the parents: reached by opening those, never listed.
  const level4: number[] = [];
  for (const id of trees[0]!.level3.filter((_, i) => i % 2 === 0).slice(0, 5)) {
    const [row] = await knex('folders.folders').insert({ name: 'Photos', owner_id: teachers[0]!.id, parent_id: id }).returning('id');
    await sharing.register(folder(row.id), { owner: teachers[0]!.id, parent: folder(id) });
    await sharing.grant(folder(row.id), { role: 'contribute', users: [parent] }, { by: teachers[0]!.id, ...quiet });
    level4.push(row.id);
  }
  await knex.raw('analyze');

  const listed = await sharing.sharedWithMe(parent, { type: 'folder', limit: 50 });
  const shown = listed.people.flatMap((group) => group.items);
  const people = (await knex('core.memberships').where({ school_id: school.id }).count<{ count: string }[]>('* as count'))[0]!.count;
  const grants = (await knex('core.share_grants').count<{ count: string }[]>('* as count'))[0]!.count;
  const resources = (await knex('core.shared_resources').count<{ count: string }[]>('* as count'))[0]!.count;
  if (shown.length !== 50 || listed.nextCursor !== null) throw new Error(`the parent should see 50 folders on one page, not ${shown.length}`);
  // The same 50 rows, fetched bare by the primary keys of the grants that list them.
  const grantIds = await knex('core.share_grants as s').join('core.shared_resources as r', 'r.id', 's.resource_id')
    .where('r.app', 'folders').whereIn('r.key', shown.map((item) => item.id)).distinctOn('r.id').orderBy(['r.id', 's.id']).pluck('s.id');
  const parentUser = await knex('core.users').where({ id: parent }).first('login');
  const session = await platform.platform.sessions.create(parent, { ip: '127.0.0.1', userAgent: 'bench' });
  const cookie = `preau_session=${session.token}`;
  const probe = await platform.app.inject({ url: '/api/folders/shared-with-me', headers: { cookie } });
  if (probe.statusCode !== 200) throw new Error(`GET /api/folders/shared-with-me answered ${probe.statusCode}: ${probe.body}`);
  const deepest = folder(level4[0]!);
  const someTree = [...trees[0]!.level3, ...trees[1]!.level3].slice(0, 100).map(folder);

  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}`);
  console.log(`one school of ${people} people (10 classes, 10 teachers), ${resources} folders, ${grants} grants; the parent (${parentUser.login}) has 50 folders shared with them`);
  console.log(`${ROUNDS} calls per row after 200 warm-up calls\n`);
  const rows: [string, Latency][] = [];
  rows.push(['baseline: bare select of the same 50 rows by primary key', await time(ROUNDS, () => knex.raw(
    `select r.type, r.key, s.role, s.granted_by, s.granted_at from core.share_grants s join core.shared_resources r on r.id = s.resource_id
      where s.id = any(?::bigint[]) order by s.granted_by, s.granted_at desc`, [grantIds]))]);
  rows.push(['sharedWithMe, the parent (50 folders, one page)', await time(ROUNDS, () => sharing.sharedWithMe(parent, { type: 'folder', limit: 50 }))]);
  rows.push(['GET /api/folders/shared-with-me (inject: session, gate, names)', await time(ROUNDS, () => platform.app.inject({ url: '/api/folders/shared-with-me', headers: { cookie } }))]);
  rows.push(['roleOf, the parent, a folder 4 levels deep', await time(ROUNDS, () => sharing.roleOf(parent, deepest))]);
  rows.push(['roleOf, the owner, same folder', await time(ROUNDS, () => sharing.roleOf(teachers[0]!.id, deepest))]);
  rows.push(['filterReadable, the parent, 100 folders of two trees', await time(ROUNDS, () => sharing.filterReadable(parent, someTree))]);
  rows.push(['listGrants, a folder 4 levels deep (names)', await time(ROUNDS, () => sharing.listGrants(deepest))]);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'call'.padEnd(width)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'mean ms'.padStart(7)}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(width)}  ${f.p50.toFixed(2).padStart(7)}  ${f.p99.toFixed(2).padStart(7)}  ${f.mean.toFixed(2).padStart(7)}`);
  console.log('\ntarget: "Partagé avec moi" of a parent with 50 shared folders, p99 < 30 ms (PostgreSQL)');
} finally {
  await platform.close();
}
