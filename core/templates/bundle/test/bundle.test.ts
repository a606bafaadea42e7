import t from 'tap';
import { fileURLToPath } from 'node:url';
import { createTestPlatform } from '@preau/core/testing';

const bundle = fileURLToPath(new URL('../src/index.ts', import.meta.url));

t.test('Préau starts with the bundle, and every plugin it brings is active', async (t) => {
  const platform = await createTestPlatform({ config: { bundles: [bundle] } });
  t.teardown(() => platform.close());
  t.same(platform.platform.bundles.map((b) => b.name), ['__name__']);
  const health = (await platform.inject('/api/core/health')).json() as { status: string; plugins: { name: string; state: string }[] };
  t.equal(health.status, 'ok');
  t.same(health.plugins.filter((p) => p.state !== 'active'), [], 'no plugin failed');
});
