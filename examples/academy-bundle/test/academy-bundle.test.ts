import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';

t.test('a bundle in the configuration brings its plugins, enabled by default for every school', async (t) => {
  const platform = await createTestPlatform({ config: { bundles: ['.'] } });
  t.teardown(() => platform.close());
  const [record] = platform.platform.plugins.all();
  t.match(record, { name: 'lunch-menu', state: 'active', bundle: 'academie-exemple' });
  const school = await platform.createSchool();
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  const apps = (await platform.as(parent).inject('/api/core/apps')).json() as { name: string }[];
  t.same(apps.map((a) => a.name), ['lunch-menu']);
  t.equal((await platform.as(parent).inject('/api/lunch-menu/weeks/2026-W48')).statusCode, 200);
});

t.test('a bundle that cannot be imported is reported, and the platform serves', async (t) => {
  const platform = await createTestPlatform({ config: { bundles: ['./no-such-bundle'] } });
  t.teardown(() => platform.close());
  const health = (await platform.inject('/api/core/health')).json();
  t.match(health, { status: 'degraded', plugins: [{ name: 'no-such-bundle', state: 'failed', error: { code: 'PREAU_ERR_PLUGIN_LOAD' } }] });
});
