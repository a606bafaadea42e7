import t from 'tap';
import { folder, sharingSchool } from './sharing-school.js';

// Grants follow the school as it is now: group members are today's, and leaving a school ends at once what
// came through it. No route closes a membership yet for staff: it is closed as the ONDE import closes one.
const school = await sharingSchool();
const { platform, sharing, teacher, teacherB, cm2, ce1, a, b } = school;
t.teardown(() => platform.close());
const { knex } = platform;
const parentsOfCm2 = await school.group('cm2', 'Relative');
const leave = (userId: number, schoolId: number) =>
  knex('core.memberships').where({ user_id: userId, school_id: schoolId }).update({ left_at: platform.clock.now() });
const photos = folder('photos-cm2');
await sharing.register(photos, { owner: teacher.id, parent: null });
await sharing.grant(photos, { role: 'read', groups: [parentsOfCm2] }, { by: teacher.id, notify: false });

t.test('a parent added to the class later reads what was shared with its parents, at once', async (t) => {
  const newParent = await platform.createUser({ profile: 'Relative', schools: [a] });
  t.equal(await sharing.roleOf(newParent.id, photos), null, 'before they are linked to a pupil of the class');
  await platform.linkRelative(newParent, cm2.pupils[1]!);
  t.equal(await sharing.roleOf(newParent.id, photos), 'read');
  t.equal(await sharing.roleOf(ce1.relatives[0]![0]!.id, photos), null, 'a parent of another class does not');
});

t.test('a family that leaves the school loses at once what was shared with the groups and with them there', async (t) => {
  const parent = cm2.relatives[0]![0]!;
  const letter = folder('lettre-famille');
  await sharing.register(letter, { owner: teacher.id });
  await sharing.grant(letter, { role: 'read', users: [parent.id] }, { by: teacher.id, notify: false });
  t.same([await sharing.roleOf(parent.id, photos), await sharing.roleOf(parent.id, letter)], ['read', 'read']);
  const stored = await knex('core.share_grants').where({ user_id: parent.id }).first('school_id');
  t.equal(stored.school_id, a.id, 'the grant to the parent was made in school A, which both belong to');

  await leave(parent.id, a.id);
  // Their pupil's class list still names the child: only the membership of the school ended.
  t.same([await sharing.roleOf(parent.id, photos), await sharing.roleOf(parent.id, letter)], [null, null]);
  t.same(await sharing.filterReadable(parent.id, [photos, letter]), []);
  const listed = await sharing.listGrants(letter);
  t.match(listed.grants, [{ grantee: { kind: 'user', id: parent.id }, lapsed: true }], 'the share dialog shows the grant as lapsed');
  t.same((await sharing.sharedWithMe(parent.id)).people, [], 'and nothing is shared with them any more');
});

t.test('a person in two schools keeps what was shared with them in the school they stay in, and only that', async (t) => {
  const both = await platform.createUser({ profile: 'Teacher', schools: [a, b], displayName: 'BERNARD Alice' });
  const fromA = folder('progressions');
  const fromB = folder('projet-b');
  await sharing.register(fromA, { owner: teacher.id });
  await sharing.register(fromB, { owner: teacherB.id });
  await sharing.grant(fromA, { role: 'contribute', users: [both.id] }, { by: teacher.id, notify: false });
  await sharing.grant(fromB, { role: 'contribute', users: [both.id] }, { by: teacherB.id, notify: false });
  const teachersOfA = await school.group(a, 'Teacher');
  const fromAToTeachers = folder('salle-des-maitres');
  await sharing.register(fromAToTeachers, { owner: teacher.id });
  await sharing.grant(fromAToTeachers, { role: 'read', groups: [teachersOfA] }, { by: teacher.id, notify: false });
  t.same(await sharing.filterReadable(both.id, [fromA, fromB, fromAToTeachers]).then((r) => r.map((x) => x.role)), ['contribute', 'contribute', 'read']);

  await leave(both.id, a.id);
  t.same(await sharing.filterReadable(both.id, [fromA, fromB, fromAToTeachers]), [{ ...fromB, role: 'contribute' }],
    'what came through school A (a grant made there, its teachers group) ends; what school B shared stays');
});

t.test('the owner keeps their own things when they leave: what becomes of them is the app’s decision', async (t) => {
  const owner = await platform.createUser({ profile: 'Teacher', schools: [a] });
  const mine = folder('mes-fiches');
  await sharing.register(mine, { owner: owner.id });
  await leave(owner.id, a.id);
  t.equal(await sharing.roleOf(owner.id, mine), 'owner');
});

t.test('groups of an earlier school year grant nothing once the new year’s classes exist', async (t) => {
  const parent = cm2.relatives[1]![0]!;
  t.equal(await sharing.roleOf(parent.id, photos), 'read');
  const { start_year: year } = await knex('core.classes').where({ id: cm2.id }).first('start_year');
  const [next] = await knex('core.classes').insert({ school_id: a.id, start_year: year + 1, label: 'CM2 - Mme MARTIN' }).returning('id');
  t.teardown(() => knex('core.classes').where({ id: next.id }).delete());
  t.equal(await sharing.roleOf(parent.id, photos), null, 'last year’s class parents no longer read it');
  t.match((await sharing.listGrants(photos)).grants, [{ grantee: { kind: 'group', id: parentsOfCm2 }, lapsed: true }]);
});
