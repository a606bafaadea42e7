import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { encodeWindows1252 } from '../../src/onde/windows-1252.js';
import { ondeUpload } from '../helpers/onde-upload.js';
import { importedSchool } from '../helpers/imported-school.js';

// One platform for the file: school A is imported once; each case works on its own family of it.
const platform = await createTestPlatform();
t.teardown(() => platform.close());
const { knex } = platform;

const PUPILS_HEADER = "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;Adresse1;Cp1;Commune1;Pays1;Adresse2;Cp2;Commune2;Pays2; Cycle;Niveau;Libellé classe;Identifiant classe;Attestation fournie;Autorisation associations;Autorisation photo;Décision de passage";
const GUARDIANS_HEADER = "Civilité Responsable;Nom usage responsable;Nom responsable;Prénom responsable;Adresse responsable;CP responsable;Commune responsable;Pays;Courriel;Téléphone domicile;Téléphone travail;Téléphone portable;Nom d'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants";

interface Pupil { lastName: string; firstName: string; birth: string; ine: string }
interface Guardian { lastName: string; firstName: string; email: string; child: { lastName: string; firstName: string } }

/** The two ONDE files of school B: its pupils, all in one class, and their guardians. */
function files(pupils: Pupil[], guardians: Guardian[]) {
  const pupilLines = pupils.map((p) => `${p.lastName};;${p.firstName};${p.birth};M;${p.ine};3 rue Neuve;16000;Angoulême;FRANCE;;;;;CYCLE II;CP;CP - Mme PETIT;52001;Non;Oui;Oui;`);
  const guardianLines = guardians.map((g) => `MME;;${g.lastName};${g.firstName};3 rue Neuve;16000;Angoulême;FRANCE;${g.email};;;;;${g.child.lastName};${g.child.firstName};CP - Mme PETIT`);
  return ondeUpload({
    pupils: encodeWindows1252([PUPILS_HEADER, ...pupilLines].join('\r\n')),
    guardians: encodeWindows1252([GUARDIANS_HEADER, ...guardianLines].join('\r\n')),
  });
}

const schoolA = await importedSchool(platform, 'tilleuls', 'École des Tilleuls');
const schoolB = await platform.createSchool({ name: 'École du Port' });
const directorB = await platform.createUser({ profile: 'Teacher', schools: [schoolB], functions: [{ function: 'director', schoolId: schoolB.id }] });

/** A pupil of school A with one parent, not used by another case yet. */
const used = new Set<number>();
async function familyOfA() {
  const rows = await knex('core.users as p')
    .join('core.memberships as m', function () { this.on('m.user_id', 'p.id').andOnVal('m.school_id', schoolA.school.id); })
    .join('core.relative_links as rl', 'rl.pupil_id', 'p.id')
    .join('core.users as r', 'r.id', 'rl.relative_id')
    .where('p.profile', 'Student')
    .whereRaw('(select count(*) from core.relative_links x where x.pupil_id = p.id) = 1')
    .whereRaw('(select count(*) from core.relative_links x where x.relative_id = r.id) = 1')
    .orderBy('p.id')
    .select('p.id', 'p.first_name', 'p.last_name', 'p.ine', knex.raw(`to_char(p.birth_date, 'DD/MM/YYYY') as birth`), 'r.id as parentId', 'r.first_name as parentFirst', 'r.last_name as parentLast', 'r.email as parentEmail');
  const row = rows.find((r: { id: number }) => !used.has(r.id))!;
  used.add(row.id);
  return row as { id: number; first_name: string; last_name: string; ine: string; birth: string; parentId: number; parentFirst: string; parentLast: string; parentEmail: string };
}

const membershipsOf = (userId: number) =>
  knex('core.memberships').where({ user_id: userId }).orderBy('school_id').select('school_id', knex.raw('left_at is not null as "left"'));

async function preview(upload: ReturnType<typeof files>) {
  const response = await platform.as(directorB).inject({ method: 'POST', url: `/api/core/schools/${schoolB.id}/imports/onde`, ...upload });
  return response;
}
async function importAsB(upload: ReturnType<typeof files>) {
  const previewed = await preview(upload);
  const confirmed = await platform.as(directorB).inject({ method: 'POST', url: `/api/core/schools/${schoolB.id}/imports/${previewed.json().id}/confirm` });
  return { previewed, confirmed };
}

t.test("a director who types the INE of another school's pupil and the name and email of the parent takes nobody", async (t) => {
  const victim = await familyOfA();
  const usersBefore = await knex('core.users').count<{ count: string }[]>('* as count');
  const pupilBefore = await knex('core.users').where({ id: victim.id }).first('first_name', 'last_name', 'display_name');
  const upload = files(
    [{ lastName: 'ESPION', firstName: 'Paul', birth: '01/01/2019', ine: victim.ine }],
    [{ lastName: victim.parentLast, firstName: victim.parentFirst, email: victim.parentEmail, child: { lastName: 'ESPION', firstName: 'Paul' } }],
  );

  const previewed = await preview(upload);
  t.equal(previewed.statusCode, 201, previewed.body);
  const body = previewed.json();
  t.same(body.summary.pupils, { created: 0, updated: 0, moved: 0, detached: 0, unchanged: 0 }, 'the pupil is neither created nor moved');
  t.same(body.summary.relatives, { created: 0, updated: 0, unchanged: 0 }, 'the parent is neither created nor matched');
  t.same(body.pupils, []);
  t.same(body.relatives, []);
  const conflict = body.summary.problems.find((p: { code: string }) => p.code === 'PUPIL_ENROLLED_ELSEWHERE');
  t.match(conflict?.message, "cet INE correspond à un élève inscrit dans une autre école : le transfert doit être validé par l'administrateur académique");
  for (const secret of [schoolA.school.name, schoolA.school.uai, victim.first_name, pupilBefore.display_name]) {
    t.notOk(previewed.body.includes(secret), `the preview does not reveal ${secret}`);
  }

  const { confirmed } = await importAsB(upload);
  t.equal(confirmed.statusCode, 200, confirmed.body);
  t.same(await membershipsOf(victim.id), [{ school_id: schoolA.school.id, left: false }], 'the pupil stays in school A only');
  t.same(await membershipsOf(victim.parentId), [{ school_id: schoolA.school.id, left: false }], 'the parent stays in school A only');
  t.same(await knex('core.users').where({ id: victim.id }).first('first_name', 'last_name', 'display_name'), pupilBefore, 'the pupil is not renamed');
  t.same(await knex('core.users').count<{ count: string }[]>('* as count'), usersBefore, 'no account was created');
  const requests = await knex('core.transfer_requests').where({ person_id: victim.id }).select('to_school_id', 'status', 'requested_by', 'file_last_name');
  t.same(requests, [{ to_school_id: schoolB.id, status: 'requested', requested_by: directorB.id, file_last_name: 'ESPION' }], 'the academy administrator is asked');

  const code = await platform.as(directorB).inject({ method: 'POST', url: `/api/core/schools/${schoolB.id}/users/${victim.parentId}/activation-code` });
  t.equal(code.statusCode, 404, "B's director cannot issue a code for A's parent");
});

t.test('a parent is never matched across schools by name and email alone: the import creates another account', async (t) => {
  const family = await familyOfA();
  const upload = files(
    [{ lastName: 'NOUVEAU', firstName: 'Zoé', birth: '02/02/2020', ine: '1000099991Z' }],
    [{ lastName: family.parentLast, firstName: family.parentFirst, email: family.parentEmail, child: { lastName: 'NOUVEAU', firstName: 'Zoé' } }],
  );
  const { previewed, confirmed } = await importAsB(upload);
  t.equal(previewed.json().summary.relatives.created, 1, 'the preview shows a new guardian');
  t.equal(confirmed.statusCode, 200, confirmed.body);
  t.same(await membershipsOf(family.parentId), [{ school_id: schoolA.school.id, left: false }], "school A's parent is untouched");
  const created = await knex('core.users as u').join('core.memberships as m', 'm.user_id', 'u.id')
    .where({ 'm.school_id': schoolB.id, 'u.profile': 'Relative', 'u.last_name': family.parentLast, 'u.first_name': family.parentFirst }).pluck('u.id');
  t.equal(created.length, 1);
  t.not(created[0], family.parentId, 'a new account');
});

t.test('an approved transfer moves the pupil with the parents who come with them, and the pupil leaves school A', async (t) => {
  const child = await familyOfA();
  const admin = platform.as(platform.admin);
  const upload = files(
    [{ lastName: child.last_name, firstName: child.first_name, birth: child.birth, ine: child.ine }],
    [{ lastName: child.parentLast, firstName: child.parentFirst, email: child.parentEmail, child: { lastName: child.last_name, firstName: child.first_name } }],
  );
  await importAsB(upload);

  t.equal((await platform.as(directorB).inject({ method: 'GET', url: '/api/core/transfer-requests' })).statusCode, 403, 'a director does not see the queue');
  const queue = await admin.inject({ method: 'GET', url: '/api/core/transfer-requests' });
  t.equal(queue.statusCode, 200, queue.body);
  const request = queue.json().find((r: { person: { id: number } }) => r.person.id === child.id);
  t.match(request, { status: 'requested', toSchool: { id: schoolB.id }, person: { schools: [{ id: schoolA.school.id }] }, file: { lastName: child.last_name } });

  const approved = await admin.inject({ method: 'POST', url: `/api/core/transfer-requests/${request.id}/approve` });
  t.equal(approved.statusCode, 200, approved.body);
  t.equal(approved.json().status, 'approved');
  t.equal((await admin.inject({ method: 'POST', url: `/api/core/transfer-requests/${request.id}/refuse` })).statusCode, 404, 'a decision is final');
  const audited = await knex('core.audit_log').where({ action: 'transfer-approved', target_user_id: child.id }).orderBy('school_id').pluck('school_id');
  t.same(audited, [schoolA.school.id, schoolB.id].sort((a, b) => a - b), 'audited under both schools');

  const { previewed, confirmed } = await importAsB(upload);
  t.equal(previewed.json().summary.pupils.moved, 1, previewed.body);
  t.equal(confirmed.statusCode, 200, confirmed.body);
  t.same(await membershipsOf(child.id), [{ school_id: schoolA.school.id, left: true }, { school_id: schoolB.id, left: false }], 'the pupil moved');
  const classesInA = await knex('core.class_members as cm').join('core.classes as c', 'c.id', 'cm.class_id').where({ 'cm.user_id': child.id, 'c.school_id': schoolA.school.id }).count<{ count: string }[]>('* as count');
  t.equal(Number(classesInA[0]!.count), 0, "the pupil left school A's class");
  t.same(await membershipsOf(child.parentId), [{ school_id: schoolA.school.id, left: false }, { school_id: schoolB.id, left: false }], 'the parent came with the child and stays in A');
  t.equal((await knex('core.transfer_requests').where({ id: request.id }).first('status')).status, 'done');
});

t.test('a pupil who left their school moves by INE when the birth date agrees, and their parent still in school A waits for approval', async (t) => {
  const child = await familyOfA();
  // School A's own import detached the child; the parent stays in A (a brother or sister is still there).
  await knex('core.memberships').where({ user_id: child.id, school_id: schoolA.school.id }).update({ left_at: platform.clock.now() });

  const wrongBirth = await preview(files(
    [{ lastName: 'AUTRE', firstName: 'Nom', birth: '31/12/2015', ine: child.ine }],
    [{ lastName: 'AUTRE', firstName: 'Mère', email: 'autre@example.org', child: { lastName: 'AUTRE', firstName: 'Nom' } }],
  ));
  t.equal(wrongBirth.statusCode, 201, wrongBirth.body);
  t.match(wrongBirth.json().summary.problems, [{ code: 'PUPIL_INE_MISMATCH' }], 'an INE with another birth date is refused');
  t.equal(wrongBirth.json().summary.pupils.moved, 0);

  const upload = files(
    [{ lastName: child.last_name, firstName: child.first_name, birth: child.birth, ine: child.ine }],
    [{ lastName: child.parentLast, firstName: child.parentFirst, email: child.parentEmail, child: { lastName: child.last_name, firstName: child.first_name } }],
  );
  const { previewed, confirmed } = await importAsB(upload);
  t.equal(previewed.json().summary.pupils.moved, 1, previewed.body);
  t.same(previewed.json().pupils[0].changes, [], 'nothing of what school A knew is shown');
  t.match(previewed.json().summary.problems, [{ code: 'RELATIVE_ENROLLED_ELSEWHERE' }]);
  t.equal(confirmed.statusCode, 200, confirmed.body);
  t.same(await membershipsOf(child.id), [{ school_id: schoolA.school.id, left: true }, { school_id: schoolB.id, left: false }]);
  t.same(await membershipsOf(child.parentId), [{ school_id: schoolA.school.id, left: false }], 'the parent is not attached');
  t.equal(await knex('core.transfer_requests').where({ person_id: child.parentId, status: 'requested' }).count<{ count: string }[]>('* as count').then((r) => Number(r[0]!.count)), 1);
  const again = await preview(upload);
  t.equal(again.json().unchanged, true, 'importing the same files again asks nothing new');
});
