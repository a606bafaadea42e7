import t from 'tap';
import { createTestPlatform, type TestPlatform } from '@preau/core/testing';
import lunchMenu from '../src/index.js';

const WEEK = '2026-W48';
const DAYS = [
  { day: 'tuesday', main: 'Hachis parmentier', dessert: 'Compote' },
  { day: 'monday', starter: 'Carottes râpées', main: 'Poulet basquaise', side: 'Riz', dessert: 'Yaourt', notes: 'Poulet Label Rouge' },
];

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [lunchMenu] });
});
t.teardown(() => platform.close());

t.test('a teacher publishes the week and a parent of the school reads it, days in order', async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  const url = `/api/lunch-menu/schools/${school.id}/weeks/${WEEK}`;

  const missing = await platform.as(parent).inject(url);
  t.equal(missing.statusCode, 404);
  t.same(missing.json(), { code: 'LUNCH_MENU_ERR_NOT_FOUND', message: "Aucun menu n'est publié pour la semaine 2026-W48." });

  const published = await platform.as(teacher).inject({ method: 'PUT', url, payload: { days: DAYS } });
  t.equal(published.statusCode, 200);
  t.same(published.json().days.map((d: { day: string }) => d.day), ['monday', 'tuesday']);
  t.equal(published.json().publishedAt, platform.clock.now().toISOString());

  const read = await platform.as(parent).inject(url);
  t.equal(read.statusCode, 200);
  t.match(read.json(), { schoolId: school.id, week: WEEK, days: [{ day: 'monday', main: 'Poulet basquaise' }, { day: 'tuesday' }] });
  const mine = await platform.as(parent).inject(`/api/lunch-menu/weeks/${WEEK}`);
  t.equal(mine.json().length, 1);

  const row = await platform.knex('lunch_menu.menus').where({ school_id: school.id, week: WEEK }).first();
  t.equal(row.published_by, teacher.id, 'stored in the plugin schema with its publisher');
});

t.test('publishing again replaces the week', async (t) => {
  const school = await platform.createSchool();
  const cook = await platform.createUser({ profile: 'Personnel', schools: [school] });
  const url = `/api/lunch-menu/schools/${school.id}/weeks/${WEEK}`;
  await platform.as(cook).inject({ method: 'PUT', url, payload: { days: DAYS } });
  const second = await platform.as(cook).inject({ method: 'PUT', url, payload: { days: [{ day: 'friday', main: 'Poisson pané' }] } });
  t.same(second.json().days, [{ day: 'friday', main: 'Poisson pané' }]);
  t.equal((await platform.knex('lunch_menu.menus').where({ school_id: school.id }).count('* as n').first())?.n, 1);
});

t.test('parents and pupils cannot publish', async (t) => {
  const school = await platform.createSchool();
  for (const profile of ['Relative', 'Student'] as const) {
    const user = await platform.createUser({ profile, schools: [school] });
    const response = await platform.as(user).inject({ method: 'PUT', url: `/api/lunch-menu/schools/${school.id}/weeks/${WEEK}`, payload: { days: DAYS } });
    t.equal(response.statusCode, 403, profile);
    t.equal(response.json().code, 'PREAU_ERR_FORBIDDEN');
  }
});

t.test('a parent of another school cannot read this school menu', async (t) => {
  const [mine, other] = [await platform.createSchool(), await platform.createSchool()];
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [other] });
  await platform.as(teacher).inject({ method: 'PUT', url: `/api/lunch-menu/schools/${other.id}/weeks/${WEEK}`, payload: { days: DAYS } });
  const parent = await platform.createUser({ profile: 'Relative', schools: [mine] });
  const response = await platform.as(parent).inject(`/api/lunch-menu/schools/${other.id}/weeks/${WEEK}`);
  t.equal(response.statusCode, 403);
  t.equal(response.json().code, 'LUNCH_MENU_ERR_SCHOOL');
  t.same((await platform.as(parent).inject(`/api/lunch-menu/weeks/${WEEK}`)).json(), [], 'and does not see it in the week list');
});

t.test('bad input is refused with the field, and nothing is stored', async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const url = `/api/lunch-menu/schools/${school.id}/weeks/${WEEK}`;
  const cases = [
    { payload: { days: [{ day: 'saturday', main: 'Crêpes' }] }, field: 'body.days.0.day' },
    { payload: { days: [{ day: 'monday' }] }, field: 'body.days.0.main' },
    { payload: { days: [] }, field: 'body.days' },
    { payload: { days: DAYS, price: 3 }, field: 'body.price' },
  ];
  for (const { payload, field } of cases) {
    const response = await platform.as(teacher).inject({ method: 'PUT', url, payload });
    t.equal(response.statusCode, 400, field);
    t.ok(response.json().details.some((d: { field: string }) => d.field === field), field);
  }
  const twice = await platform.as(teacher).inject({ method: 'PUT', url, payload: { days: [DAYS[0], DAYS[0]] } });
  t.equal(twice.json().code, 'LUNCH_MENU_ERR_DUPLICATE_DAY');
  const badWeek = await platform.as(teacher).inject({ method: 'PUT', url: `/api/lunch-menu/schools/${school.id}/weeks/2026-48`, payload: { days: DAYS } });
  t.equal(badWeek.statusCode, 400);
  t.equal((await platform.knex('lunch_menu.menus').where({ school_id: school.id }).count('* as n').first())?.n, 0);
});

t.test("a teacher's data export holds the menus they published", async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  await platform.as(teacher).inject({ method: 'PUT', url: `/api/lunch-menu/schools/${school.id}/weeks/${WEEK}`, payload: { days: DAYS } });
  const exported = await platform.as(teacher).inject('/api/core/me/export');
  t.equal(exported.statusCode, 200);
  t.match(exported.json().apps['lunch-menu'], { publishedMenus: [{ schoolId: school.id, week: WEEK }] });
});
