import t from 'tap';
import type { Profile } from '@preau/sdk';
import { createTestPlatform } from '../../src/testing/index.js';
import { buildSchool, type Person } from './school-builder.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const communication = platform.platform.communication;
const shape = {
  classes: [
    { label: 'CM2 - Mme MARTIN', teachers: 1, pupils: 3, relativesPerPupil: [2, 1, 2] },
    { label: 'CE1 - M. PETIT', teachers: 2, pupils: 2, relativesPerPupil: [1, 2] },
  ],
  personnel: 1,
  guests: 1,
};
const a = await buildSchool(platform, { name: 'École A', ...shape });
const b = await buildSchool(platform, { name: 'École B', ...shape });
const everyone = [...a.people, ...b.people];

type Relation = 'self-family' | 'same class' | 'other class' | 'same school' | 'other school';

/** How two people are related, as the table below reads it. */
function relation(from: Person, to: Person): Relation {
  if (from.schoolId !== to.schoolId) return 'other school';
  if (from.childIds.includes(to.id) || to.childIds.includes(from.id)) return 'self-family';
  const classesOf = (p: Person) => (p.profile === 'Relative' ? everyone.filter((c) => p.childIds.includes(c.id)).flatMap((c) => c.classIds) : p.classIds);
  const mine = classesOf(from);
  const theirs = classesOf(to);
  if (mine.length === 0 || theirs.length === 0) return 'same school';
  return mine.some((id) => theirs.includes(id)) ? 'same class' : 'other class';
}

// The defaults of the reference ENT, written out: [from, to, relation] → may write.
const STAFF_REACH = { 'same class': true, 'other class': true, 'same school': true, 'other school': false, 'self-family': true };
const TABLE: Record<Profile, Record<Profile, Partial<Record<Relation, boolean>>>> = {
  Teacher: { Teacher: STAFF_REACH, Student: STAFF_REACH, Relative: STAFF_REACH, Personnel: STAFF_REACH, Guest: STAFF_REACH },
  Personnel: { Teacher: STAFF_REACH, Student: STAFF_REACH, Relative: STAFF_REACH, Personnel: STAFF_REACH, Guest: STAFF_REACH },
  Student: {
    Teacher: { 'same class': true, 'other class': false, 'other school': false },
    Student: { 'same class': true, 'other class': false, 'other school': false },
    Relative: { 'self-family': true, 'same class': false, 'other class': false, 'other school': false },
    Personnel: { 'same school': false, 'other school': false },
    Guest: { 'same school': false, 'other school': false },
  },
  Relative: {
    Teacher: { 'same class': true, 'other class': false, 'other school': false },
    Student: { 'self-family': true, 'same class': false, 'other class': false, 'other school': false },
    Relative: { 'same class': true, 'other class': false, 'other school': false },
    Personnel: { 'same school': false, 'other school': false },
    Guest: { 'same school': false, 'other school': false },
  },
  Guest: {
    Teacher: { 'same class': false, 'other class': false, 'same school': false, 'other school': false },
    Student: { 'same class': false, 'other class': false, 'same school': false, 'other school': false },
    Relative: { 'same class': false, 'other class': false, 'same school': false, 'other school': false },
    Personnel: { 'same school': false, 'other school': false },
    Guest: { 'same school': false, 'other school': false },
  },
};

t.test('the default rules, pair by pair, for every profile in the same class, another class and another school', async (t) => {
  let checked = 0;
  const seen = new Set<string>();
  for (const from of everyone) {
    const others = everyone.filter((p) => p.id !== from.id);
    const allowed = new Set((await communication.canCommunicate(from.id, { users: others.map((p) => p.id) })).users);
    for (const to of others) {
      const rel = relation(from, to);
      const expected = TABLE[from.profile][to.profile][rel];
      if (expected === undefined) {
        t.fail(`no expectation for ${from.profile} → ${to.profile} (${rel})`);
        continue;
      }
      seen.add(`${from.profile}→${to.profile}:${rel}`);
      if (allowed.has(to.id) !== expected) t.fail(`${from.profile} ${from.name} → ${to.profile} ${to.name} (${rel}): expected ${expected}`);
      checked += 1;
    }
  }
  t.equal(checked, everyone.length * (everyone.length - 1), 'every ordered pair was checked');
  t.ok(seen.size >= 40, `${seen.size} distinct (profile, profile, relation) cases covered`);
});

t.test('groups as recipients follow the same rules', async (t) => {
  const [cm2, ce1] = a.classes;
  const parentOfCm2 = a.people.find((p) => p.profile === 'Relative' && p.childIds.some((id) => a.people.find((c) => c.id === id)!.classIds.includes(cm2!.id)))!;
  const teacher = a.people.find((p) => p.profile === 'Teacher')!;
  const groups = {
    teachersCm2: await a.groupId('Teacher', cm2!.id),
    parentsCm2: await a.groupId('Relative', cm2!.id),
    parentsCe1: await a.groupId('Relative', ce1!.id),
    parentsSchool: await a.groupId('Relative'),
    parentsOtherSchool: await b.groupId('Relative'),
  };
  const parent = await communication.canCommunicate(parentOfCm2.id, { groups: Object.values(groups) });
  t.same(parent.groups.sort(), [groups.teachersCm2, groups.parentsCm2].sort(), 'a parent of CM2 may write to the CM2 teachers and parents only');
  t.equal(parent.all, false);
  const staff = await communication.canCommunicate(teacher.id, { groups: [groups.parentsCm2, groups.parentsCe1, groups.parentsSchool] });
  t.equal(staff.all, true, 'a teacher may write to every group of the school');
  t.same((await communication.canCommunicate(teacher.id, { groups: [groups.parentsOtherSchool] })).groups, []);
});

t.test('a blocked account is nobody’s recipient, and someone who left the school is out of its groups', async (t) => {
  const teacher = a.people.find((p) => p.profile === 'Teacher')!;
  const [pupil, other] = a.people.filter((p) => p.profile === 'Student');
  await platform.knex('core.users').where({ id: pupil!.id }).update({ state: 'blocked' });
  await platform.knex('core.memberships').where({ user_id: other!.id }).update({ left_at: platform.clock.now() });
  await platform.knex('core.class_members').where({ user_id: other!.id }).delete();
  const result = await communication.canCommunicate(teacher.id, { users: [pupil!.id, other!.id] });
  t.same(result.users, []);
  await platform.knex('core.users').where({ id: pupil!.id }).update({ state: 'active' });
});
