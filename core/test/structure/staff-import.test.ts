import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { importedSchool } from '../helpers/imported-school.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const imported = await importedSchool(platform, 'tilleuls', 'École des Tilleuls');

function upload(csv: string) {
  const boundary = 'preau-staff';
  return {
    payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="staff"; filename="enseignants.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const CSV = [
  'civilité;nom;prénom;courriel;classes;directeur',
  'M.;FOURNIER;Paul;paul.fournier@ecole.fr;PS-MS - M. FOURNIER;oui',
  'Mme;FOURNIER;Julie;;GS - Mme FOURNIER;non',
  'Mme;MARTIN;Lise;;CM9 - inconnue;',
].join('\n');

t.test('teachers come from the staff CSV: previewed, created with codes, assigned to classes, directors named, once', async (t) => {
  const as = platform.as(imported.director);
  const url = `/api/core/schools/${imported.school.id}/imports/staff`;
  const preview = await as.inject({ method: 'POST', url: `${url}?dryRun=true`, ...upload(CSV) });
  t.equal(preview.statusCode, 200, preview.body);
  t.match(preview.json(), { dryRun: true, created: 3, classAssignments: 2, directors: 1, codes: [] });
  t.match(preview.json().problems, [{ line: 4, code: 'STAFF_CLASS_NOT_FOUND' }]);
  t.notOk(await platform.knex('core.users').where({ last_name: 'MARTIN', first_name: 'Lise' }).first('id'), 'the preview writes nothing');

  const applied = await as.inject({ method: 'POST', url, ...upload(CSV) });
  t.equal(applied.json().codes.length, 3);
  t.equal(applied.headers['cache-control'], 'no-store');
  const paul = await platform.knex('core.users').where({ login: 'paul.fournier' }).first('id', 'state', 'profile', 'email');
  t.match(paul, { state: 'pending', profile: 'Teacher', email: 'paul.fournier@ecole.fr' });
  t.ok(await platform.knex('core.user_functions').where({ user_id: paul.id, function: 'director', school_id: imported.school.id }).first('user_id'));
  const classes = (await as.inject(`/api/core/schools/${imported.school.id}/classes`)).json();
  t.same(classes.find((c: { label: string }) => c.label === 'PS-MS - M. FOURNIER').teachers.map((x: { displayName: string }) => x.displayName), ['FOURNIER Paul']);

  const again = await as.inject({ method: 'POST', url, ...upload(CSV) });
  t.match(again.json(), { created: 0, unchanged: 3, codes: [] }, 'the same file again creates nobody');
  const bad = await as.inject({ method: 'POST', url, ...upload('a;b\n1;2') });
  t.equal(bad.statusCode, 422);
  t.equal(bad.json().code, 'PREAU_ERR_STAFF_FILE');
  const otherSchool = await platform.createSchool();
  const stranger = await platform.createUser({ profile: 'Teacher', schools: [otherSchool], functions: [{ function: 'director', schoolId: otherSchool.id }] });
  t.equal((await platform.as(stranger).inject({ method: 'POST', url, ...upload(CSV) })).statusCode, 403);
});
