import t from 'tap';
import { createTestPlatform, generateOndeSchool } from '../../src/testing/index.js';
import { readOndeFiles, runOndeImport } from '../../src/onde/onde-import.js';
import { signIn, type BrowserSession } from '../helpers/imported-school.js';

// A family moves from school B to school A: B's new ONDE export no longer has them. B's administrators keep no
// power over them; A's are now the ones who may act.
const platform = await createTestPlatform();
t.teardown(() => platform.close());
const { knex } = platform;
const schoolA = await platform.createSchool({ name: 'École A (nouvelle)' });
const schoolB = await platform.createSchool({ name: 'École B (quittée)' });
const directorB = await platform.createUser({ profile: 'Teacher', schools: [schoolB], functions: [{ function: 'director', schoolId: schoolB.id }] });
const teacherB = await platform.createUser({ profile: 'Teacher', schools: [schoolB] });
const ce1 = await platform.createClass({ school: schoolB, label: 'CE1 - Mme PETIT', teachers: [teacherB], pupils: 1, relativesPerPupil: 1 });
const pupil = ce1.pupils[0]!;
const parent = ce1.relatives[0]![0]!;
await knex('core.users').where({ id: parent.id }).update({ email: 'famille@example.fr' });
await knex('core.memberships').insert([pupil, parent].map((u) => ({ user_id: u.id, school_id: schoolA.id })));
const parentSession = (await signIn(platform, parent.login, parent.password)) as BrowserSession;

// B's new export, without the family.
await runOndeImport(knex, {
  schoolId: schoolB.id,
  files: readOndeFiles(generateOndeSchool({ seed: 31, classes: 1, pupilsPerClass: 3 }), { maxBytes: 1024 * 1024 }),
  now: platform.clock.now(),
  activationKey: platform.platform.activationKey,
  codeDays: 90,
  actorId: directorB.id,
  dryRun: false,
});
const currentPupil = await knex('core.memberships as m').join('core.users as u', 'u.id', 'm.user_id')
  .where({ 'm.school_id': schoolB.id, 'u.profile': 'Student' }).whereNull('m.left_at').first('u.id');

const personRows = () => knex('core.users').whereIn('id', [pupil.id, parent.id]).orderBy('id').select('id', 'state', 'email', 'display_name', 'password_hash', 'updated_at');
const reachOf = async () => ({
  people: await personRows(),
  codes: await knex('core.activation_codes').whereIn('user_id', [pupil.id, parent.id]).select('user_id'),
  sessions: await knex('core.sessions').where({ user_id: parent.id }).count<{ count: string }[]>('* as count'),
  functions: await knex('core.user_functions').whereIn('user_id', [pupil.id, parent.id]).select('function'),
  links: await knex('core.relative_links').where({ relative_id: parent.id }).select('pupil_id'),
  audit: await knex('core.audit_log').where({ school_id: schoolB.id }).whereIn('target_user_id', [pupil.id, parent.id]).select('action'),
});

t.test('the new ONDE export detached the family from school B, and they stay members of school A', async (t) => {
  const memberships = await knex('core.memberships').whereIn('user_id', [pupil.id, parent.id]).orderBy(['user_id', 'school_id']).select('user_id', 'school_id', 'left_at');
  t.same(memberships.filter((m) => m.school_id === schoolB.id).map((m) => m.left_at !== null), [true, true], 'both left B');
  t.same(memberships.filter((m) => m.school_id === schoolA.id).map((m) => m.left_at), [null, null], 'both are in A');
});

t.test("school B's director gets 404 for every action on people who left it, and nothing changes", async (t) => {
  const before = await reachOf();
  const as = platform.as(directorB);
  const base = `/api/core/schools/${schoolB.id}`;
  const actions: [string, string, object?][] = [
    ['POST', `${base}/users/${parent.id}/activation-code`],
    ['POST', `${base}/users/${pupil.id}/activation-code`],
    ['PATCH', `${base}/users/${parent.id}`, { email: 'pirate@example.com' }],
    ['PATCH', `${base}/users/${pupil.id}`, { firstName: 'Renommé' }],
    ['POST', `${base}/users/${parent.id}/block`],
    ['POST', `${base}/users/${parent.id}/unblock`],
    ['POST', `${base}/users/${parent.id}/unlock`],
    ['PUT', `${base}/users/${parent.id}/functions`, { director: true, localAdmin: false }],
    ['PUT', `${base}/pupils/${pupil.id}/relatives/${parent.id}`],
    ['DELETE', `${base}/pupils/${pupil.id}/relatives/${parent.id}`],
    ['PUT', `${base}/pupils/${currentPupil.id}/relatives/${parent.id}`],
  ];
  for (const [method, url, payload] of actions) {
    const response = await as.inject({ method: method as 'POST', url, ...(payload ? { payload } : {}) });
    t.equal(response.statusCode, 404, `${method} ${url}`);
    t.equal(response.json().code, 'PREAU_ERR_USER_NOT_FOUND', 'as if they were unknown');
  }
  const byTeacher = await platform.as(teacherB).inject({ method: 'POST', url: `${base}/users/${pupil.id}/activation-code` });
  t.equal(byTeacher.statusCode, 404, 'nor their former teacher');
  t.same(await reachOf(), before, 'no account, code, session, function, link or audit line changed');
  t.equal((await parentSession.inject({ url: '/api/core/me' })).statusCode, 200, "the parent's session is untouched");
});

t.test('people who left are not listed to school B, nor printed on its slips', async (t) => {
  const as = platform.as(directorB);
  const listed = (await as.inject(`/api/core/schools/${schoolB.id}/users?limit=500`)).json().map((u: { id: number }) => u.id);
  t.notOk(listed.includes(pupil.id) || listed.includes(parent.id), 'not in the people of the school');
  t.ok(listed.includes(currentPupil.id), 'the pupils of the new export are');
  const members = (await as.inject(`/api/core/schools/${schoolB.id}/classes/${ce1.id}/members`)).json();
  const shown = [...members.teachers, ...members.pupils.flatMap((p: { id: number; relatives: { id: number }[] }) => [p, ...p.relatives])].map((p: { id: number }) => p.id);
  t.same(shown, [teacherB.id], 'only their former teacher is still on the class page');
  const slips = await as.inject({ method: 'POST', url: `/api/core/schools/${schoolB.id}/classes/${ce1.id}/activation-slips`, payload: { only: 'all', format: 'json', userIds: [pupil.id, parent.id] } });
  t.equal(slips.statusCode, 200);
  t.same(slips.json().slips, [], 'no slip, so no new code for them');
  t.notOk(await knex('core.activation_codes').whereIn('user_id', [pupil.id, parent.id]).first('user_id'));
  const retention = (await as.inject(`/api/core/schools/${schoolB.id}/retention?withinDays=92`)).json();
  t.same(retention.accounts.map((a: { id: number }) => a.id), [], 'members of school A are not leavers to delete');
});

t.test("school A's director, their school now, can act on them", async (t) => {
  const directorA = await platform.createUser({ profile: 'Teacher', schools: [schoolA], functions: [{ function: 'director', schoolId: schoolA.id }] });
  const listed = (await platform.as(directorA).inject(`/api/core/schools/${schoolA.id}/users?limit=500`)).json().map((u: { id: number }) => u.id);
  t.ok(listed.includes(pupil.id) && listed.includes(parent.id));
  const code = await platform.as(directorA).inject({ method: 'POST', url: `/api/core/schools/${schoolA.id}/users/${pupil.id}/activation-code` });
  t.equal(code.statusCode, 201, code.body);
});

t.test('a staff file names only current teachers: a teacher who left keeps no class and is not named director', async (t) => {
  const gone = await platform.createUser({ profile: 'Teacher', schools: [schoolB], displayName: 'DURAND Paul' });
  await knex('core.users').where({ id: gone.id }).update({ first_name: 'Paul', last_name: 'DURAND' });
  // No route lets a teacher leave a school yet: the membership is closed as the ONDE import closes a pupil's.
  await knex('core.memberships').where({ user_id: gone.id, school_id: schoolB.id }).update({ left_at: platform.clock.now() });
  const csv = 'nom;prénom;classes;directeur\nDURAND;Paul;CE1 - Mme PETIT;oui\n';
  const boundary = 'preau-staff';
  const response = await platform.as(directorB).inject({
    method: 'POST',
    url: `/api/core/schools/${schoolB.id}/imports/staff`,
    payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="staff"; filename="enseignants.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  t.equal(response.statusCode, 200, response.body);
  t.equal(response.json().created, 1, 'a namesake in the file gets an account of their own');
  t.same(await knex('core.user_functions').where({ user_id: gone.id }).select('function'), [], 'the teacher who left is not named director');
  t.notOk(await knex('core.class_members').where({ user_id: gone.id, class_id: ce1.id }).first('user_id'), 'nor put in a class');
});
