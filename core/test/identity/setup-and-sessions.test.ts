import t from 'tap';
import { createTestDatabase } from '../../src/testing/index.js';
import { createPlatform } from '../../src/platform.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createTestPlatform } from '../../src/testing/index.js';

t.test('before setup only health and setup are open; the printed token creates the academy administrator once', async (t) => {
  const database = await createTestDatabase();
  const platform = await createPlatform({ config: parseConfig({ logLevel: 'silent' }, process.cwd()), database, buildWeb: false, logger: false });
  t.teardown(() => platform.close());
  const { app } = platform;

  t.equal((await app.inject('/api/core/health')).statusCode, 200);
  t.same((await app.inject('/api/core/setup')).json(), { required: true });
  const closed = await app.inject('/api/core/schools');
  t.equal(closed.statusCode, 503);
  t.equal(closed.json().code, 'PREAU_ERR_SETUP_REQUIRED');

  const token = await platform.setup.issueToken();
  t.type(token, 'string');
  const stored = await database.knex('core.setup_tokens').select('token_hash');
  t.equal(stored.length, 1);
  t.not(stored[0].token_hash, token, 'only a hash is stored');

  const body = { token, login: 'admin', displayName: 'Admin Académie', password: 'un-mot-de-passe-solide' };
  const wrong = await app.inject({ method: 'POST', url: '/api/core/setup', payload: { ...body, token: 'x'.repeat(43) } });
  t.equal(wrong.json().code, 'PREAU_ERR_SETUP_TOKEN');
  const weak = await app.inject({ method: 'POST', url: '/api/core/setup', payload: { ...body, password: 'azerty123' } });
  t.equal(weak.json().code, 'PREAU_ERR_PASSWORD_WEAK');

  const done = await app.inject({ method: 'POST', url: '/api/core/setup', payload: body });
  t.equal(done.statusCode, 201);
  t.match(done.json(), { user: { login: 'admin', functions: [{ function: 'academy-admin' }] }, csrfToken: String });
  t.match(done.headers['set-cookie'], /preau_session=.*HttpOnly; SameSite=Lax/);

  const again = await app.inject({ method: 'POST', url: '/api/core/setup', payload: body });
  t.equal(again.json().code, 'PREAU_ERR_SETUP_DONE');
  t.same((await app.inject('/api/core/setup')).json(), { required: false });
  t.equal(await platform.setup.issueToken(), null, 'no new token once set up');
});

t.test('an expired setup token is refused', async (t) => {
  const database = await createTestDatabase();
  const platform = await createPlatform({ config: parseConfig({ logLevel: 'silent' }, process.cwd()), database, buildWeb: false, logger: false });
  t.teardown(() => platform.close());
  const token = await platform.setup.issueToken();
  await database.knex('core.setup_tokens').update({ expires_at: new Date(Date.now() - 1000) });
  const response = await platform.app.inject({ method: 'POST', url: '/api/core/setup', payload: { token, login: 'admin', displayName: 'A', password: 'un-mot-de-passe-solide' } });
  t.equal(response.json().code, 'PREAU_ERR_SETUP_TOKEN');
});

t.test('signing in, calling with the CSRF token, and signing out', async (t) => {
  const platform = await createTestPlatform();
  t.teardown(() => platform.close());
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'sabine.martin' });

  const bad = await platform.inject({ method: 'POST', url: '/api/core/session', payload: { login: 'sabine.martin', password: 'nope-nope-nope' } });
  const unknown = await platform.inject({ method: 'POST', url: '/api/core/session', payload: { login: 'nobody.here', password: 'nope-nope-nope' } });
  t.equal(bad.statusCode, 401);
  t.same(bad.json(), unknown.json(), 'the same answer whether or not the login exists');

  const signedIn = await platform.inject({ method: 'POST', url: '/api/core/session', payload: { login: 'Sabine.Martin ', password: teacher.password } });
  t.equal(signedIn.statusCode, 200);
  const cookie = /preau_session=([^;]+)/.exec(String(signedIn.headers['set-cookie']))![1]!;
  const { csrfToken, user } = signedIn.json();
  t.same(user.schools, [{ id: school.id, uai: school.uai, name: school.name }]);

  const me = await platform.inject({ method: 'GET', url: '/api/core/me', cookies: { preau_session: cookie } });
  t.equal(me.json().user.login, 'sabine.martin');

  const forged = await platform.inject({ method: 'DELETE', url: '/api/core/session', cookies: { preau_session: cookie } });
  t.equal(forged.statusCode, 403);
  t.equal(forged.json().code, 'PREAU_ERR_CSRF');

  const out = await platform.inject({ method: 'DELETE', url: '/api/core/session', cookies: { preau_session: cookie }, headers: { 'x-csrf-token': csrfToken } });
  t.equal(out.statusCode, 204);
  t.equal((await platform.inject({ method: 'GET', url: '/api/core/me', cookies: { preau_session: cookie } })).statusCode, 401);
});

t.test('a session ends after its idle timeout', async (t) => {
  const platform = await createTestPlatform({ config: { sessions: { idleMinutes: 30 } } });
  t.teardown(() => platform.close());
  const user = await platform.createUser({ profile: 'Personnel' });
  const { token } = await platform.platform.sessions.create(user.id, {});
  t.ok(await platform.platform.sessions.resolve(token));
  platform.clock.advance(31 * 60_000);
  t.equal(await platform.platform.sessions.resolve(token), null);
});
