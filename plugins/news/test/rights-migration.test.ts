import t from 'tap';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import news from '../src/index.js';
import moveToCore from '../migrations/004-threads-shared-by-the-core.js';
import { makeSchool } from './school.js';

const ROLES = ['read', 'contribute', 'publish', 'manage'];
type Snapshot = Record<string, Record<string, string>>;

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [news] });
});
t.teardown(() => platform.close());

/** Runs a step of migration 004 as the migrator does: in a transaction, on the app's schema then the core's. */
async function migrate(step: 'up' | 'down'): Promise<void> {
  await platform.knex.transaction(async (trx) => {
    await trx.raw('set local search_path to news, core');
    await moveToCore[step](trx);
  });
}

/**
 * Who held what on each thread before the move, by the app's rule then (`rolesOn` and `threadsOf` of news 1.0):
 * a thread of one of the person's current schools; `manage` for its creator and the school's administrators
 * (directors, local administrators, academy administrators), else the strongest role of the groups it was shared
 * with that the person is in now (`core.group_members`, any group, last year's classes included).
 */
async function rightsByTheAppRule(users: readonly TestUser[]): Promise<Snapshot> {
  const threads = await platform.knex('news.threads').select('id', 'school_id', 'created_by');
  const shares = await platform.knex('news.thread_shares').select('thread_id', 'group_id', 'role');
  const snapshot: Snapshot = {};
  for (const user of users) {
    const schools = new Set(await platform.knex('core.memberships').where({ user_id: user.id }).whereNull('left_at').pluck('school_id'));
    const functions = await platform.knex('core.user_functions').where({ user_id: user.id }).select('function', 'school_id');
    const groups = new Set(await platform.knex('core.group_members').where({ user_id: user.id }).pluck('group_id'));
    const rights: Record<string, string> = {};
    for (const thread of threads.filter((th) => schools.has(th.school_id))) {
      const admin = functions.some((f) => f.function === 'academy-admin' || (['director', 'local-admin'].includes(f.function) && f.school_id === thread.school_id));
      const granted = shares.filter((s) => s.thread_id === thread.id && groups.has(s.group_id)).map((s) => ROLES.indexOf(s.role));
      const role = admin || thread.created_by === user.id ? 'manage' : granted.length ? ROLES[Math.max(...granted)] : undefined;
      if (role) rights[thread.id] = role;
    }
    snapshot[user.login] = rights;
  }
  return snapshot;
}

/** Who holds what on each thread now, as the app answers each person (`GET /api/news/threads`). */
async function rightsByTheApp(users: readonly TestUser[]): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const user of users) {
    const response = await platform.as(user).inject('/api/news/threads');
    const threads: { id: number; role: string }[] = response.statusCode === 200 ? response.json() : [];
    snapshot[user.login] = Object.fromEntries(threads.map((thread) => [thread.id, thread.role]));
  }
  return snapshot;
}

t.test('moving the threads onto the sharing service keeps who can do what on every thread', async (t) => {
  const s = await makeSchool(platform);
  const other = await makeSchool(platform);
  const localAdmin = await platform.createUser({ profile: 'Personnel', schools: [s.school], functions: [{ function: 'local-admin', schoolId: s.school.id }] });
  // Last year's CP: the app still gave its groups' members their role; the core gives nothing through it.
  const { startYear } = ((await platform.as(s.director).inject(`/api/core/schools/${s.school.id}/classes`)).json() as { startYear: number }[])[0]!;
  const cp = await platform.createClass({ school: s.school, label: 'CP', teachers: [s.teacher], pupils: 2, relativesPerPupil: 1, startYear: startYear - 1 });
  // A CM2 parent is also the parent of a CP pupil: their strongest role wins, through either class.
  const bothClasses = s.cm2.relatives[0]![0]!;
  await platform.linkRelative(bothClasses, cp.pupils[1]!);
  // A parent who left the school keeps no right, before as after.
  const leaver = s.cm2.relatives[1]![0]!;
  const cpGroups = new Map(await Promise.all((['Relative', 'Teacher', 'Student'] as const).map(async (profile) => [profile, await platform.derivedGroupId({ classId: cp.id }, profile)] as const)));
  const cpGroup = (profile: 'Relative' | 'Teacher' | 'Student') => cpGroups.get(profile)!;

  await migrate('down');
  const thread = async (school: number, createdBy: number | null, shares: [number, string][]) => {
    const [row] = await platform.knex('news.threads')
      .insert({ school_id: school, title: `Fil ${createdBy ?? 'orphelin'}`, comments_enabled: true, created_by: createdBy, created_at: platform.clock.now() })
      .returning('id');
    const names = new Map((await platform.knex('core.groups').whereIn('id', shares.map(([id]) => id)).select('id', 'name')).map((g) => [g.id, g.name]));
    if (shares.length) {
      await platform.knex('news.thread_shares').insert(shares.map(([group, role]) => ({ thread_id: row.id, group_id: group, group_name: names.get(group), role })));
    }
    return row.id as number;
  };
  await thread(s.school.id, s.director.id, [
    [s.classGroup(s.cm2.id, 'Relative'), 'read'],
    [cpGroup('Relative'), 'contribute'],
    [cpGroup('Teacher'), 'publish'],
    [cpGroup('Student'), 'read'],
    [s.schoolGroup('Personnel'), 'publish'],
    [s.classGroup(s.ce1.id, 'Teacher'), 'manage'],
  ]);
  await thread(s.school.id, s.teacher.id, [[cpGroup('Relative'), 'read'], [s.schoolGroup('Relative'), 'read'], [s.classGroup(s.cm2.id, 'Relative'), 'publish']]);
  await thread(s.school.id, null, [[s.classGroup(s.cm2.id, 'Teacher'), 'contribute'], [cpGroup('Relative'), 'manage']]);
  await thread(s.school.id, s.otherTeacher.id, []);
  await thread(other.school.id, other.director.id, [[other.schoolGroup('Relative'), 'read'], [other.classGroup(other.cm2.id, 'Teacher'), 'publish']]);
  await platform.knex('core.memberships').where({ user_id: leaver.id, school_id: s.school.id }).update({ left_at: platform.clock.now() });

  const everyone: TestUser[] = [];
  const people = [s, other].flatMap((x) => [x.director, x.teacher, x.otherTeacher, x.cook, ...x.cm2.pupils, ...x.cm2.relatives.flat(), ...x.ce1.pupils, ...x.ce1.relatives.flat()]);
  for (const user of [...people, localAdmin, ...cp.pupils, ...cp.relatives.flat(), platform.admin]) {
    if (!everyone.some((u) => u.id === user.id)) everyone.push(user);
  }

  const before = await rightsByTheAppRule(everyone);
  // The cases the move must not lose are in the snapshot.
  const cpParent = cp.relatives[0]![0]!;
  t.ok(Object.values(before[cpParent.login]!).includes('contribute'), 'a parent of last year\'s class holds a role through it');
  t.ok(Object.values(before[bothClasses.login]!).includes('contribute'), 'a parent of both classes holds the stronger role');
  t.ok(Object.values(before[localAdmin.login]!).every((role) => role === 'manage') && Object.keys(before[localAdmin.login]!).length === 4, 'a local administrator manages every thread of the school');
  t.same(before[leaver.login], {}, 'a leaver holds nothing');

  await migrate('up');
  t.same(await rightsByTheApp(everyone), before, 'every person holds the same role on every thread');
  t.notOk(await platform.knex.schema.withSchema('news').hasTable('thread_shares'), "the app's own table is gone");
});
