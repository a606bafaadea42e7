import t from 'tap';
import { createTestPlatform, type TestPlatform } from '@preau/core/testing';
import plugin from '../src/index.js';

// One real Préau for the whole file (PGlite, or PostgreSQL with PREAU_TEST_DATABASE=postgres), web included.
let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [plugin], buildWeb: true });
});
t.teardown(() => platform.close());

const itemsOf = (schoolId: number) => `/api/media/schools/${schoolId}/items`;
const stored = async (schoolId: number) => platform.knex('media.items').where({ school_id: schoolId });

t.test('a teacher adds an item and a parent of the school reads it', async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });

  const added = await platform.as(teacher).inject({ method: 'POST', url: itemsOf(school.id), payload: { title: '  Sortie au musée ' } });
  t.equal(added.statusCode, 201);
  t.match(added.json(), { schoolId: school.id, title: 'Sortie au musée', createdBy: teacher.id, createdAt: platform.clock.now().toISOString() });

  const read = await platform.as(parent).inject(itemsOf(school.id));
  t.equal(read.statusCode, 200);
  t.match(read.json(), [{ title: 'Sortie au musée' }]);
  const [row] = await stored(school.id);
  t.equal(row.created_by, teacher.id, 'stored in the plugin schema with its author');
});

t.test('a parent cannot add an item, and nothing is written', async (t) => {
  const school = await platform.createSchool();
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  const response = await platform.as(parent).inject({ method: 'POST', url: itemsOf(school.id), payload: { title: 'Non' } });
  t.equal(response.statusCode, 403);
  t.equal(response.json().code, 'PREAU_ERR_FORBIDDEN');
  t.same(await stored(school.id), []);
});

t.test('nobody reads or adds the items of a school that is not theirs', async (t) => {
  const ours = await platform.createSchool();
  const theirs = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [ours] });
  const read = await platform.as(teacher).inject(itemsOf(theirs.id));
  t.equal(read.statusCode, 403);
  t.match(read.json(), { code: 'MEDIA_ERR_SCHOOL', message: /école/ });
  const added = await platform.as(teacher).inject({ method: 'POST', url: itemsOf(theirs.id), payload: { title: 'Intrus' } });
  t.equal(added.statusCode, 403);
  t.same(await stored(theirs.id), []);
});

t.test('an empty, blank or too long title is refused in French, and nothing is written', async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  for (const payload of [{}, { title: '' }, { title: '   ' }, { title: 'x'.repeat(201) }, { title: 'ok', extra: true }]) {
    const response = await platform.as(teacher).inject({ method: 'POST', url: itemsOf(school.id), payload });
    t.equal(response.statusCode, 400, JSON.stringify(payload));
    t.match(response.json(), { code: 'PREAU_ERR_VALIDATION', message: /^Le champ « (Titre|extra) » / });
  }
  t.same(await stored(school.id), []);
});

t.test('the app switched off for a school answers 403 there', async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const off = await platform.as(platform.admin).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/apps/media`, payload: { enabled: false } });
  t.equal(off.statusCode, 200);
  const response = await platform.as(teacher).inject(itemsOf(school.id));
  t.equal(response.statusCode, 403);
  t.equal(response.json().code, 'PREAU_ERR_APP_DISABLED');
});

t.test('the launcher lists the app, and its web bundle is served', async (t) => {
  const school = await platform.createSchool();
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  const apps = (await platform.as(parent).inject('/api/core/apps')).json() as { name: string; entry: string }[];
  const app = apps.find((a) => a.name === 'media');
  t.match(app, { title: { fr: 'Média' }, icon: 'app', entry: /^\/apps\/media\/index-\w+\.js$/ });
  const bundle = await platform.inject(app!.entry);
  t.equal(bundle.statusCode, 200);
  t.match(bundle.body, /media-app/);
});
