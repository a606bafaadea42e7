import { createTestPlatform, type TestDatabaseKind } from '@preau/core/testing';
import { definePlugin, Type } from '@preau/sdk';
import type { BenchTarget } from './target.js';

// A plugin whose one route reads nothing: what is left is the platform's own cost per request.
const probe = definePlugin({
  name: 'bench-probe',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Sonde', en: 'Probe' },
  routes: (app) => {
    app.get('/schools', { schema: { response: { 200: Type.Object({ schools: Type.Integer() }) } } }, async (request) => ({
      schools: request.currentSchools.length,
    }));
  },
});

/**
 * The same stack as target b without the plugin's database read: session from the cache, enablement check,
 * the plugin gate and request scope. The gap between this and b is the price of one database round trip.
 */
export async function startGateOnly(database: TestDatabaseKind): Promise<BenchTarget> {
  const t = await createTestPlatform({ plugins: [probe], database });
  try {
    const school = await t.createSchool();
    const parent = await t.createUser({ profile: 'Relative', schools: [school] });
    const session = await t.platform.sessions.create(parent.id, {});
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    return {
      name: 'c  Préau gate, no read',
      url: `${address}/api/bench-probe/schools`,
      headers: { cookie: `preau_session=${session.token}` },
      close: () => t.close(),
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}
