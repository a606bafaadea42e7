import { createTestPlatform, type TestDatabaseKind } from '@preau/core/testing';
import lunchMenu from '@preau/example-lunch-menu';
import type { BenchTarget } from './target.js';

const WEEK = '2026-W48';
// The core's SESSION_COOKIE is not part of its public entry points; the name is part of the HTTP contract anyway.
const SESSION_COOKIE = 'preau_session';

const DAYS = [
  { day: 'monday', main: 'Poulet basquaise', dessert: 'Yaourt' },
  { day: 'tuesday', main: 'Hachis parmentier', dessert: 'Compote de pommes' },
  { day: 'wednesday', main: 'Dos de colin, riz', dessert: 'Clémentine' },
  { day: 'thursday', main: 'Lasagnes aux légumes', dessert: 'Fromage blanc' },
  { day: 'friday', main: 'Poisson pané, haricots verts', dessert: 'Tarte aux pommes' },
];

/**
 * The whole Préau stack on a plugin's read route: session lookup, app enablement for the school, the plugin's
 * request scope and one primary-key read. The session is a real one, sent as a cookie over a real socket.
 */
export async function startLunchMenuRead(database: TestDatabaseKind): Promise<BenchTarget> {
  const t = await createTestPlatform({ plugins: [lunchMenu], database });
  try {
    const school = await t.createSchool();
    const teacher = await t.createUser({ profile: 'Teacher', schools: [school] });
    const parent = await t.createUser({ profile: 'Relative', schools: [school] });
    const path = `/api/lunch-menu/schools/${school.id}/weeks/${WEEK}`;

    const published = await t.as(teacher).inject({ method: 'PUT', url: path, payload: { days: DAYS } });
    if (published.statusCode !== 200) {
      throw new Error(`publishing the menu answered ${published.statusCode}: ${published.body}`);
    }

    const session = await t.platform.sessions.create(parent.id, {});
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    return {
      name: 'b  lunch-menu read (Préau)',
      url: `${address}${path}`,
      headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
      close: () => t.close(),
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}
