import t from 'tap';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestPlatform, type RequestsAs, type TestPlatform } from '@preau/core/testing';
import { badRequests } from './robustness/bad-requests.js';
import type { KnownIds } from './robustness/sample-value.js';

// The plugins the repository configures (`preau.config.json`), so an app added there is covered unwritten.
const root = fileURLToPath(new URL('../../', import.meta.url));
const configured = (JSON.parse(readFileSync(`${root}preau.config.json`, 'utf8')) as { plugins: string[] }).plugins;

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: configured.map((entry) => `${root}${entry.replace(/^\.\//, '')}`) });
});
t.teardown(() => platform.close());

t.test('no malformed request gets a 5xx from any route of the core or of a plugin, signed in or not', async (t) => {
  const started = Date.now();
  const apps = platform.platform.plugins.all();
  t.same(apps.filter((app) => app.state !== 'active').map((app) => app.name), [], 'every configured plugin started');
  const school = await platform.createSchool({ name: 'École des Tilleuls' });
  for (const app of apps) await platform.platform.apps.set(school.id, { app: app.name, enabled: true, startsOn: null, endsOn: null }, null);
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const schoolClass = await platform.createClass({ school, label: 'CM1 A', levels: ['CM1'], teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const known: KnownIds = {
    school: school.id,
    class: schoolClass.id,
    pupil: schoolClass.pupils[0]!.id,
    user: schoolClass.pupils[0]!.id,
    relative: schoolClass.relatives[0]![0]!.id,
    teacher: teacher.id,
  };
  const callers: [string, RequestsAs | TestPlatform][] = [['admin', platform.as(platform.admin)], ['teacher', platform.as(teacher)], ['anonymous', platform]];

  const routes = platform.platform.routes();
  const failures: string[] = [];
  let sent = 0;
  let inputs = 0;
  for (const route of routes) {
    const requests = badRequests(route, known);
    inputs += requests.length;
    for (const { label, request } of requests) {
      // The three callers at once: on PostgreSQL they use three connections of the pool.
      const responses = await Promise.all(callers.map(([, caller]) => caller.inject(request)));
      for (const [index, [who]] of callers.entries()) {
        const response = responses[index]!;
        sent += 1;
        const where = `${who} ${route.method} ${route.url} ${label}`;
        if (response.statusCode >= 500) {
          failures.push(`${where} → ${response.statusCode} ${response.body.slice(0, 200)}`);
        } else if (response.statusCode >= 400 && route.url.startsWith('/api/')) {
          // A page for people (the unsubscribe link of an email) answers in HTML; every API answer is coded JSON.
          if (String(response.headers['content-type']).startsWith('text/html')) continue;
          const body = response.json() as { code?: unknown; message?: unknown };
          if (typeof body.code !== 'string' || typeof body.message !== 'string') failures.push(`${where} → ${response.statusCode} without a coded error`);
          // The error handler's safety net for values the database refused: a schema let them through.
          else if (body.code === 'PREAU_ERR_INPUT_REJECTED') failures.push(`${where} → refused by the database, not by the route's schema`);
        }
      }
    }
  }
  t.same(failures, [], 'every malformed request got a coded 4xx or a success');
  const health = await platform.inject({ method: 'GET', url: '/api/core/health' });
  t.equal(health.statusCode, 200, 'and the platform is still up');
  t.comment(`${routes.length} routes × their bad inputs: ${inputs} inputs, ${sent} requests as admin, teacher and anonymous, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
