import t from 'tap';
import { definePlugin, type PluginManifest, type ShareRoleDeclaration } from '@preau/sdk';
import { createTestPlatform, type TestPlatform } from '../../src/testing/index.js';
import lunchMenu from '@preau/example-lunch-menu';

const fixture = (name: string) => new URL(`../fixtures/plugins/${name}/index.ts`, import.meta.url).pathname;
const plugin = (manifest: Partial<PluginManifest> & { name: string }) =>
  definePlugin({ version: '1.0.0', sdk: '^1.0.0', title: { fr: manifest.name, en: manifest.name }, ...manifest });
const role = (name: string): ShareRoleDeclaration => ({ name, label: { fr: name, en: name }, description: { fr: name, en: name } });
const invalid = definePlugin({ name: 'Bad Name', version: '1', sdk: '^1.0.0', title: { fr: 'x' } } as unknown as PluginManifest);

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({
    // Every failure below is on purpose: the log would only repeat what the tests assert.
    logLevel: 'fatal',
    plugins: [
      lunchMenu,
      invalid,
      plugin({ name: 'future', sdk: '^2.0.0' }),
      plugin({ name: 'lonely', dependsOn: ['ghost'] }),
      plugin({ name: 'chicken', dependsOn: ['egg'] }),
      plugin({ name: 'egg', dependsOn: ['chicken'] }),
      plugin({ name: 'after-egg', dependsOn: ['egg'] }),
      plugin({ name: 'twin' }),
      fixture('twin'),
      lunchMenu, // the same module listed twice, as a configuration and a bundle may
      plugin({ name: 'needs-menu', dependsOn: ['lunch-menu'], routes: (app) => void app.get('/ok', async () => ({ ok: true })) }),
      plugin({ name: 'share-no-id', sharing: { folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/share-no-id/folders' } } }),
      plugin({ name: 'share-no-right', sharing: { folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/share-no-right/{id}', right: 'share' } } }),
      plugin({ name: 'share-roles-twice', sharing: { folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/x/{id}', roles: [role('read'), role('write'), role('read')] } } }),
      plugin({ name: 'share-roles-owner', sharing: { folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/x/{id}', roles: [role('read'), role('owner')] } } }),
      plugin({ name: 'share-roles-one', sharing: { folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/x/{id}', roles: [role('read')] } } }),
      plugin({ name: 'share-roles-bad-name', sharing: { folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/x/{id}', roles: [role('read'), role('Tout gérer')] } } }),
      plugin({ name: 'share-roles-no-label', sharing: { folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/x/{id}', roles: [role('read'), { name: 'manage' } as ShareRoleDeclaration] } } }),
      fixture('throws-on-import'),
      fixture('half-way-migration'),
      fixture('routes-then-throws'),
    ],
  });
});
t.teardown(() => platform.close());

const stateOf = async (name: string) => {
  const health = (await platform.inject('/api/core/health')).json() as { plugins: { name: string; state: string; error?: { code: string; message: string } }[] };
  return health.plugins.filter((p) => p.name === name);
};

t.test('the platform serves and reports itself degraded', async (t) => {
  const health = (await platform.inject('/api/core/health')).json();
  t.equal(health.status, 'degraded');
  t.equal(health.database, platform.database);
  t.same((await stateOf('lunch-menu'))[0]?.state, 'active');
});

t.test('an invalid manifest is refused with the field and the problem', async (t) => {
  const [record] = platform.platform.plugins.all().filter((r) => r.source === 'Bad Name');
  t.equal(record?.state, 'failed');
  t.equal(record?.error?.code, 'PREAU_ERR_PLUGIN_MANIFEST');
  t.match(record?.error?.message, /name/);
});

t.test('a shared type must give an address with its id and name a right the manifest declares', async (t) => {
  t.match((await stateOf('share-no-id'))[0], { state: 'failed', error: { code: 'PREAU_ERR_PLUGIN_MANIFEST', message: /sharing\/folder\/url|sharing\.folder\.url/ } });
  t.match((await stateOf('share-no-right'))[0], { state: 'failed', error: { code: 'PREAU_ERR_PLUGIN_MANIFEST', message: /sharing\.folder\.right.*"share"/ } });
});

t.test("a shared type's roles are 2 to 8, named, labelled and described, each once, and none is owner", async (t) => {
  const refused = async (name: string, message: RegExp) =>
    t.match((await stateOf(name))[0], { state: 'failed', error: { code: 'PREAU_ERR_PLUGIN_MANIFEST', message } }, name);
  await refused('share-roles-twice', /sharing\.folder\.roles.*"read" is listed twice/);
  await refused('share-roles-owner', /sharing\.folder\.roles.*"owner"/);
  await refused('share-roles-one', /sharing[./]folder[./]roles/);
  await refused('share-roles-bad-name', /sharing[./]folder[./]roles[./]1[./]name/);
  await refused('share-roles-no-label', /sharing[./]folder[./]roles[./]1/);
});

t.test('a plugin written for another SDK major is refused', async (t) => {
  const [record] = await stateOf('future');
  t.equal(record?.error?.code, 'PREAU_ERR_PLUGIN_SDK_MISMATCH');
  t.match(record?.error?.message, /\^2\.0\.0.*1\.0\.0/);
});

t.test('a missing dependency is refused, and so is what depends on a refused plugin', async (t) => {
  t.equal((await stateOf('lonely'))[0]?.error?.code, 'PREAU_ERR_PLUGIN_DEPENDENCY_MISSING');
  t.match((await stateOf('lonely'))[0]?.error?.message, /ghost/);
  t.equal((await stateOf('after-egg'))[0]?.error?.code, 'PREAU_ERR_PLUGIN_DEPENDENCY_MISSING');
});

t.test('a dependency cycle is refused for each plugin on it', async (t) => {
  for (const name of ['chicken', 'egg']) {
    const [record] = await stateOf(name);
    t.equal(record?.error?.code, 'PREAU_ERR_PLUGIN_DEPENDENCY_CYCLE', name);
    t.match(record?.error?.message, /chicken → egg → chicken|egg → chicken → egg/);
  }
});

t.test('two plugins with the same name are both refused, each naming both sources', async (t) => {
  const records = await stateOf('twin');
  t.same(records.map((r) => [r.state, r.error?.code]), [['failed', 'PREAU_ERR_PLUGIN_DUPLICATE'], ['failed', 'PREAU_ERR_PLUGIN_DUPLICATE']]);
  for (const record of records) {
    t.match(record.error?.message, /Two plugins are named "twin" \(.+ and .+\): neither is loaded/);
    t.match(record.error?.message, /fixtures\/plugins\/twin\/index\.ts/, 'the path of one');
    t.match(record.error?.message, /\(twin and |and twin\)/, 'and the other (a manifest given by a test is labelled by its name)');
  }
  t.equal((await platform.inject('/api/twin/anything')).statusCode, 503, 'neither serves');
});

t.test('the same plugin listed twice serves once; only the repeat is refused', async (t) => {
  const records = await stateOf('lunch-menu');
  t.same(records.map((r) => r.state), ['active', 'failed']);
  t.equal(records[1]?.error?.code, 'PREAU_ERR_PLUGIN_DUPLICATE');
});

t.test('a plugin that depends on an active plugin loads after it and serves', async (t) => {
  const order = platform.platform.plugins.active().map((r) => r.name);
  t.ok(order.indexOf('lunch-menu') < order.indexOf('needs-menu'));
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  await platform.platform.apps.set(school.id, { app: 'needs-menu', enabled: true, startsOn: null, endsOn: null }, null);
  const response = await platform.as(teacher).inject('/api/needs-menu/ok');
  t.equal(response.statusCode, 200);
});

t.test('a module that throws on import is refused with its reason', async (t) => {
  const [record] = await stateOf('throws-on-import');
  t.equal(record?.error?.code, 'PREAU_ERR_PLUGIN_LOAD');
  t.match(record?.error?.message, /boom while importing/);
});

t.test('a migration that fails half-way leaves no table, no row and no schema, and the routes answer 503', async (t) => {
  const [record] = await stateOf('half-way');
  t.equal(record?.error?.code, 'PREAU_ERR_PLUGIN_MIGRATION');
  t.match(record?.error?.message, /002-breaks\.ts.*division by zero/);
  const schema = await platform.knex.raw(`select 1 from pg_namespace where nspname = 'half_way'`);
  t.equal(schema.rows.length, 0);
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const response = await platform.as(teacher).inject('/api/half-way/ping');
  t.equal(response.statusCode, 503);
  t.equal(response.json().code, 'PREAU_ERR_PLUGIN_UNAVAILABLE');
});

t.test('routes() that throws is refused before any migration runs, and its routes answer 503', async (t) => {
  const [record] = await stateOf('routes-then-throws');
  t.equal(record?.error?.code, 'PREAU_ERR_PLUGIN_ROUTES');
  t.match(record?.error?.message, /gave up half-way/);
  const schema = await platform.knex.raw(`select 1 from pg_namespace where nspname = 'routes_then_throws'`);
  t.equal(schema.rows.length, 0);
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  for (const url of ['/api/routes-then-throws/first', '/api/routes-then-throws/never-registered']) {
    const response = await platform.as(teacher).inject(url);
    t.equal(response.statusCode, 503, url);
    t.equal(response.json().code, 'PREAU_ERR_PLUGIN_UNAVAILABLE');
  }
});

t.test('failed plugins never appear in the launcher', async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const apps = (await platform.as(teacher).inject('/api/core/apps')).json() as { name: string }[];
  const active = new Set(platform.platform.plugins.active().map((r) => r.name));
  const failed = new Set(platform.platform.plugins.all().filter((r) => !active.has(r.name)).map((r) => r.name));
  t.ok(apps.some((a) => a.name === 'lunch-menu'));
  t.notOk(apps.some((a) => failed.has(a.name)));
});
