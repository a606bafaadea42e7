import t from 'tap';
import lunchMenu from '@preau/example-lunch-menu';
import { createTestPlatform, createTestDatabase } from '../../src/testing/index.js';
import { createPlatform } from '../../src/platform.js';
import { parseConfig } from '../../src/config/load-config.js';
import { openDatabase } from '../../src/db/open-database.js';

const WEEK = '/api/lunch-menu/weeks/2026-W48';

t.test('disabling an app for one school refuses its users at once and leaves other schools alone', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu] });
  t.teardown(() => platform.close());
  const [schoolA, schoolB] = [await platform.createSchool(), await platform.createSchool()];
  const director = await platform.createUser({ profile: 'Teacher', schools: [schoolA], functions: [{ function: 'director', schoolId: schoolA.id }] });
  const parentA = await platform.createUser({ profile: 'Relative', schools: [schoolA] });
  const parentB = await platform.createUser({ profile: 'Relative', schools: [schoolB] });
  const launcher = async (user: typeof parentA) => ((await platform.as(user).inject('/api/core/apps')).json() as { name: string }[]).map((a) => a.name);

  t.equal((await platform.as(parentA).inject(WEEK)).statusCode, 200, 'enabled by default');
  t.same(await launcher(parentA), ['lunch-menu']);

  const off = await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${schoolA.id}/apps/lunch-menu`, payload: { enabled: false } });
  t.equal(off.statusCode, 200);
  t.same(off.json(), { name: 'lunch-menu', enabledToday: false });

  const refused = await platform.as(parentA).inject(WEEK);
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'PREAU_ERR_APP_DISABLED');
  t.same(await launcher(parentA), [], 'gone from the launcher');
  t.equal((await platform.as(parentB).inject(WEEK)).statusCode, 200, 'the other school still has it');
  t.same(await launcher(parentB), ['lunch-menu']);

  await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${schoolA.id}/apps/lunch-menu`, payload: { enabled: true } });
  t.equal((await platform.as(parentA).inject(WEEK)).statusCode, 200, 'back on at once');
});

t.test('a user of two schools only reaches the app through the school that has it', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu] });
  t.teardown(() => platform.close());
  const [on, off] = [await platform.createSchool(), await platform.createSchool()];
  await platform.platform.apps.set(off.id, { app: 'lunch-menu', enabled: false, startsOn: null, endsOn: null }, null);
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [on, off] });
  const menu = { days: [{ day: 'monday', main: 'Hachis parmentier' }] };
  t.equal((await platform.as(teacher).inject({ method: 'PUT', url: `/api/lunch-menu/schools/${on.id}/weeks/2026-W48`, payload: menu })).statusCode, 200);
  const other = await platform.as(teacher).inject({ method: 'PUT', url: `/api/lunch-menu/schools/${off.id}/weeks/2026-W48`, payload: menu });
  t.equal(other.statusCode, 403);
  t.equal(other.json().code, 'LUNCH_MENU_ERR_SCHOOL');
  const apps = (await platform.as(teacher).inject('/api/core/apps')).json() as { name: string; schoolIds: number[] }[];
  t.same(apps[0]?.schoolIds, [on.id]);
});

t.test('an app enabled for a date range is on only within it (Europe/Paris days)', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu] });
  t.teardown(() => platform.close());
  const school = await platform.createSchool();
  const admin = platform.admin;
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  const term = { enabled: true, startsOn: '2027-01-04', endsOn: '2027-04-02' };
  const set = await platform.as(admin).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/apps/lunch-menu`, payload: term });
  t.equal(set.json().enabledToday, false, 'not yet on 26 November');

  const statusAt = async (instant: string) => {
    platform.clock.set(instant);
    return (await platform.as(parent).inject(WEEK)).statusCode;
  };
  t.equal(await statusAt('2027-01-03T22:59:00Z'), 403, 'Sunday 3 January 23:59 in Paris: not yet');
  t.equal(await statusAt('2027-01-03T23:00:00Z'), 200, 'Monday 4 January 00:00 in Paris: on');
  t.equal(await statusAt('2027-04-02T21:59:00Z'), 200, 'last day, 23:59 in Paris (summer time): still on');
  t.equal(await statusAt('2027-04-02T22:00:00Z'), 403, 'the day after: off');

  const listed = (await platform.as(admin).inject(`/api/core/schools/${school.id}/apps`)).json();
  t.match(listed, [{ name: 'lunch-menu', enabledToday: false, enabledByDefault: true, setting: term }]);

  const backwards = await platform.as(admin).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/apps/lunch-menu`, payload: { enabled: true, startsOn: '2027-05-01', endsOn: '2027-04-01' } });
  t.equal(backwards.statusCode, 400);
  t.equal(backwards.json().code, 'PREAU_ERR_DATE_RANGE');
});

t.test('only the administrators of a school switch its apps', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu] });
  t.teardown(() => platform.close());
  const [schoolA, schoolB] = [await platform.createSchool(), await platform.createSchool()];
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [schoolA] });
  const directorB = await platform.createUser({ profile: 'Teacher', schools: [schoolB], functions: [{ function: 'director', schoolId: schoolB.id }] });
  for (const user of [teacher, directorB]) {
    const response = await platform.as(user).inject({ method: 'PUT', url: `/api/core/schools/${schoolA.id}/apps/lunch-menu`, payload: { enabled: false } });
    t.equal(response.statusCode, 403);
    t.equal(response.json().code, 'PREAU_ERR_FORBIDDEN');
  }
  const unknown = await platform.as(platform.admin).inject({ method: 'PUT', url: `/api/core/schools/${schoolA.id}/apps/no-such-app`, payload: { enabled: true } });
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().code, 'PREAU_ERR_APP_UNKNOWN');
  const anonymous = await platform.inject({ method: 'GET', url: WEEK });
  t.equal(anonymous.statusCode, 401);
});

t.test('a change made through one server process applies at once on another (PostgreSQL)', { skip: process.env.PREAU_TEST_DATABASE !== 'postgres' && 'needs PostgreSQL: PGlite is one process' }, async (t) => {
  const first = await createTestDatabase('postgres');
  t.teardown(() => first.close());
  const second = await openDatabase({ url: first.url, dataDir: '' });
  const config = parseConfig({ logLevel: 'silent', apps: { enabledByDefault: ['lunch-menu'], cacheSeconds: 3600 } }, process.cwd());
  const a = await createPlatform({ config, database: first, extraPlugins: [lunchMenu], buildWeb: false, logger: false });
  const b = await createPlatform({ config, database: second, extraPlugins: [lunchMenu], buildWeb: false, logger: false });
  t.teardown(async () => {
    await b.close();
    await a.app.close();
    await a.apps.close();
    await a.events.close();
  });
  const [school] = await first.knex('core.schools').insert({ uai: '0750001A', name: 'École A' }).returning('id');
  t.equal(b.apps.isEnabled(school.id, 'lunch-menu'), true);
  await a.apps.set(school.id, { app: 'lunch-menu', enabled: false, startsOn: null, endsOn: null }, null);
  const deadline = Date.now() + 2000;
  while (b.apps.isEnabled(school.id, 'lunch-menu') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  t.equal(b.apps.isEnabled(school.id, 'lunch-menu'), false, 'the other process saw it through LISTEN/NOTIFY');
});
