import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École des Lilas', city: 'Tulle' });
const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }], displayName: 'ROUX Anne' });
const localAdmin = await platform.createUser({ profile: 'Personnel', schools: [school], functions: [{ function: 'local-admin', schoolId: school.id }] });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
const cp = await platform.createClass({ school, label: 'CP A', levels: ['CP'], pupils: 2, relativesPerPupil: 1 });
const ce1 = await platform.createClass({ school, label: 'CE1 B', levels: ['CE1'], pupils: 1 });
const other = await platform.createSchool({ name: 'École voisine' });
const otherDirector = await platform.createUser({ profile: 'Teacher', schools: [other], functions: [{ function: 'director', schoolId: other.id }] });
const base = `/api/core/schools/${school.id}`;

function upload(csv: string, name = 'enseignants.csv') {
  const boundary = 'preau-staff';
  return {
    payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="staff"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

t.test('a director creates a teacher in classes of this year, and a staff member named director', async (t) => {
  const as = platform.as(director);
  const created = await as.inject({ method: 'POST', url: `${base}/users`, payload: { profile: 'Teacher', firstName: 'Frédéric', lastName: 'Simon', email: 'f.simon@ecole.fr', classIds: [cp.id] } });
  t.equal(created.statusCode, 201, created.body);
  t.match(created.json().user, { displayName: 'SIMON Frédéric', firstName: 'Frédéric', lastName: 'Simon', state: 'pending', classes: ['CP A'], classIds: [cp.id], functions: [], locked: false });
  t.match(created.json().activation, { login: 'frederic.simon', code: /^[A-Z0-9]{8}$/ });
  const classes = (await as.inject(`${base}/classes`)).json();
  t.same(classes.find((c: { id: number }) => c.id === cp.id).teachers.map((x: { displayName: string }) => x.displayName), ['SIMON Frédéric'], 'the class page names its teacher');

  const named = await as.inject({ method: 'POST', url: `${base}/users`, payload: { profile: 'Personnel', firstName: 'Luc', lastName: 'Morel', director: true } });
  t.equal(named.statusCode, 201, named.body);
  t.same(named.json().user.functions, ['director']);
  const localByDirector = await as.inject({ method: 'POST', url: `${base}/users`, payload: { profile: 'Teacher', firstName: 'Eva', lastName: 'Blanc', localAdmin: true } });
  t.equal(localByDirector.statusCode, 403, 'a local administrator is named by the academy');
  t.notOk(await platform.knex('core.users').where({ last_name: 'Blanc' }).first('id'), 'nothing half-written');
  const parentDirector = await as.inject({ method: 'POST', url: `${base}/users`, payload: { profile: 'Relative', firstName: 'Jo', lastName: 'Pic', director: true } });
  t.equal(parentDirector.statusCode, 403, 'a parent holds no function');
  const byAcademy = await platform.as(platform.admin).inject({ method: 'POST', url: `${base}/users`, payload: { profile: 'Teacher', firstName: 'Eva', lastName: 'Blanc', localAdmin: true } });
  t.same(byAcademy.json().user.functions, ['local-admin']);
});

t.test("a teacher's classes are set from their row, this year's classes of the school only", async (t) => {
  const as = platform.as(localAdmin);
  const set = await as.inject({ method: 'PUT', url: `${base}/users/${teacher.id}/classes`, payload: { classIds: [ce1.id, cp.id] } });
  t.equal(set.statusCode, 200, set.body);
  t.same(set.json().classes, ['CE1 B', 'CP A']);
  const cleared = await as.inject({ method: 'PUT', url: `${base}/users/${teacher.id}/classes`, payload: { classIds: [ce1.id] } });
  t.same(cleared.json().classIds, [ce1.id]);
  const foreignClass = await platform.createClass({ school: other, label: 'CM2' });
  t.equal((await as.inject({ method: 'PUT', url: `${base}/users/${teacher.id}/classes`, payload: { classIds: [foreignClass.id] } })).statusCode, 404, "another school's class is unknown");
  t.equal((await as.inject({ method: 'PUT', url: `${base}/users/${cp.pupils[0]!.id}/classes`, payload: { classIds: [ce1.id] } })).statusCode, 403, 'a pupil is not assigned this way');
  t.equal((await platform.as(otherDirector).inject({ method: 'PUT', url: `${base}/users/${teacher.id}/classes`, payload: { classIds: [] } })).statusCode, 403, "another school's director");
  t.equal((await platform.as(teacher).inject({ method: 'PUT', url: `${base}/users/${teacher.id}/classes`, payload: { classIds: [] } })).statusCode, 403, 'a teacher does not place themselves');
  t.equal((await as.inject({ method: 'PUT', url: `${base}/users/${otherDirector.id}/classes`, payload: { classIds: [] } })).statusCode, 404, "another school's teacher is unknown");
});

t.test('the users table filters by class, state and leavers, and says who is locked', async (t) => {
  const as = platform.as(director);
  const byClass = (await as.inject(`${base}/users?classId=${cp.id}`)).json();
  t.same(byClass.map((u: { profile: string }) => u.profile).sort(), ['Student', 'Student', 'Teacher'], 'the pupils and teacher of CP A');
  for (let i = 0; i < 5; i += 1) await platform.inject({ method: 'POST', url: '/api/core/session', payload: { login: teacher.login, password: 'wrong-password' } });
  const locked = (await as.inject(`${base}/users?q=${encodeURIComponent(teacher.login)}`)).json();
  t.equal(locked[0].locked, true, 'the lock shows');
  t.equal((await as.inject({ method: 'POST', url: `${base}/users/${teacher.id}/unlock` })).statusCode, 204);
  t.equal((await as.inject(`${base}/users?q=${encodeURIComponent(teacher.login)}`)).json()[0].locked, false, 'lifted');
  const leaver = cp.relatives[1]![0]!;
  await platform.knex('core.memberships').where({ user_id: leaver.id, school_id: school.id }).update({ left_at: platform.clock.now() });
  const left = (await as.inject(`${base}/users?state=left`)).json();
  t.same(left.map((u: { id: number; state: string }) => [u.id, u.state]), [[leaver.id, 'left']], 'leavers are listed apart');
  t.notOk((await as.inject(`${base}/users?limit=500`)).json().some((u: { id: number }) => u.id === leaver.id), 'not among current members');
  t.equal((await as.inject({ method: 'POST', url: `${base}/users/${leaver.id}/block` })).statusCode, 404, 'and out of reach');
  const page1 = (await as.inject(`${base}/users?limit=3&offset=0`)).json();
  const page2 = (await as.inject(`${base}/users?limit=3&offset=3`)).json();
  t.equal(page1.length, 3);
  t.notOk(page2.some((u: { id: number }) => page1.some((v: { id: number }) => v.id === u.id)), 'pages do not overlap');
});

const CSV = [
  'civilité;nom;prénom;courriel;classes;directeur',
  'M.;GARNIER;Paul;paul.garnier@ecole.fr;CP A;non',
  'Mme;LEROY;Julie;;CE1 B|CM9;oui',
].join('\n');

t.test('the staff CSV is previewed, kept in the history as a preview, and confirmed once', async (t) => {
  const as = platform.as(director);
  const preview = await as.inject({ method: 'POST', url: `${base}/imports/staff/preview`, ...upload(CSV) });
  t.equal(preview.statusCode, 201, preview.body);
  t.match(preview.json(), { status: 'previewed', summary: { created: 2, unchanged: 0, classAssignments: 2, directors: 1 }, codes: [] });
  t.same(preview.json().people.map((p: { name: string; action: string; classes: string[] }) => [p.name, p.action, p.classes]), [['GARNIER Paul', 'create', ['CP A']], ['LEROY Julie', 'create', ['CE1 B']]]);
  t.match(preview.json().summary.problems, [{ line: 3, code: 'STAFF_CLASS_NOT_FOUND' }]);
  t.notOk(await platform.knex('core.users').where({ last_name: 'GARNIER' }).first('id'), 'nothing written');
  const history = (await as.inject(`${base}/imports`)).json();
  t.match(history[0], { kind: 'staff', status: 'previewed', files: { names: { staff: 'enseignants.csv' } } });

  t.equal((await platform.as(otherDirector).inject({ method: 'POST', url: `${base}/imports/staff/${preview.json().id}/confirm` })).statusCode, 403);
  t.equal((await platform.as(otherDirector).inject({ method: 'POST', url: `/api/core/schools/${other.id}/imports/staff/${preview.json().id}/confirm` })).statusCode, 404, "another school's preview is unknown");
  const confirmed = await as.inject({ method: 'POST', url: `${base}/imports/staff/${preview.json().id}/confirm` });
  t.equal(confirmed.statusCode, 200, confirmed.body);
  t.equal(confirmed.headers['cache-control'], 'no-store');
  t.match(confirmed.json(), { status: 'applied', summary: { created: 2 } });
  t.equal(confirmed.json().codes.length, 2, 'first codes, once');
  const julie = await platform.knex('core.users').where({ last_name: 'LEROY' }).first('id');
  t.ok(await platform.knex('core.user_functions').where({ user_id: julie.id, function: 'director', school_id: school.id }).first('user_id'), 'named director');
  t.equal((await as.inject({ method: 'POST', url: `${base}/imports/staff/${preview.json().id}/confirm` })).statusCode, 404, 'a preview is confirmed once');
  t.match((await as.inject(`${base}/imports`)).json()[0], { kind: 'staff', status: 'applied', summary: { created: 2 } });

  // A preview made before another import changed the school cannot be confirmed: nothing is written.
  const csv2 = 'nom;prénom\nNOEL;Marc';
  const first = (await as.inject({ method: 'POST', url: `${base}/imports/staff/preview`, ...upload(csv2) })).json();
  const second = (await as.inject({ method: 'POST', url: `${base}/imports/staff/preview`, ...upload(csv2) })).json();
  t.equal((await as.inject({ method: 'POST', url: `${base}/imports/staff/${second.id}/confirm` })).statusCode, 200);
  const stale = await as.inject({ method: 'POST', url: `${base}/imports/staff/${first.id}/confirm` });
  t.equal(stale.statusCode, 409);
  t.equal(stale.json().code, 'PREAU_ERR_IMPORT_STALE');
  t.equal((await platform.knex('core.users').where({ last_name: 'NOEL' })).length, 1, 'Marc NOEL exists once');
  const bad = await as.inject({ method: 'POST', url: `${base}/imports/staff/preview`, ...upload('a;b\n1;2') });
  t.equal(bad.statusCode, 422);
  t.match(bad.json(), { code: 'PREAU_ERR_STAFF_FILE', message: /nom/ });
});

t.test('one batch of slips prints as a page and as a PDF with the same codes, and not after new codes', async (t) => {
  const as = platform.as(director);
  const slipsUrl = `${base}/classes/${cp.id}/activation-slips`;
  const batch = await as.inject({ method: 'POST', url: slipsUrl, payload: { format: 'json', only: 'all' } });
  t.equal(batch.statusCode, 200, batch.body);
  const slips = batch.json().slips.map((s: { userId: number; code: string }) => ({ userId: s.userId, code: s.code }));
  t.ok(slips.length >= 2);
  const page = await as.inject({ method: 'POST', url: `${slipsUrl}/print`, payload: { format: 'html', slips } });
  t.equal(page.statusCode, 200, page.body);
  t.ok(page.body.includes(`${slips[0].code.slice(0, 4)}-${slips[0].code.slice(4)}`), 'the page shows the batch code');
  const pdf = await as.inject({ method: 'POST', url: `${slipsUrl}/print`, payload: { format: 'pdf', slips } });
  t.equal(pdf.statusCode, 200);
  t.equal(pdf.headers['content-type'], 'application/pdf');
  t.equal(pdf.headers['cache-control'], 'no-store');
  const again = await as.inject({ method: 'POST', url: `${slipsUrl}/print`, payload: { format: 'html', slips } });
  t.equal(again.statusCode, 200, 'printing again issues nothing: the codes still work');
  const forged = await as.inject({ method: 'POST', url: `${slipsUrl}/print`, payload: { format: 'html', slips: [{ userId: slips[0].userId, code: 'AAAAAAAA' }] } });
  t.equal(forged.statusCode, 409, 'a code that is not the current one prints nothing');
  const outsider = await as.inject({ method: 'POST', url: `${base}/classes/${ce1.id}/activation-slips/print`, payload: { format: 'html', slips } });
  t.equal(outsider.statusCode, 409, 'people of another class are not printed from this one');
  t.equal((await platform.as(otherDirector).inject({ method: 'POST', url: `${slipsUrl}/print`, payload: { format: 'html', slips } })).statusCode, 403);
  await as.inject({ method: 'POST', url: slipsUrl, payload: { format: 'json', only: 'all' } });
  const outdated = await as.inject({ method: 'POST', url: `${slipsUrl}/print`, payload: { format: 'pdf', slips } });
  t.equal(outdated.statusCode, 409);
  t.match(outdated.json(), { code: 'PREAU_ERR_SLIP_CODES_OUTDATED', message: /nouveau lot/ });
});
