import t from 'tap';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exited, runCli, startCli } from './run-cli.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
// These start real processes on the embedded database (its data folder is what they prove things about);
// the PostgreSQL pass of the suite has nothing to add here.
const onPglite = { skip: process.env.PREAU_TEST_DATABASE === 'postgres' && 'PGlite data folder behaviour' };

const config = { plugins: [join(repo, 'examples/lunch-menu')], apps: { enabledByDefault: ['lunch-menu'] } };

/** Starts a sign-in whose body arrives in two parts; `finish()` sends the rest and resolves with the status. */
function slowRequest(url: string): { finish(): Promise<number> } {
  const body = JSON.stringify({ login: 'admin', password: 'not-the-password' });
  const request = http.request(`${url}/api/core/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const status = new Promise<number>((resolve, reject) => {
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
  request.write(body.slice(0, 10));
  return {
    finish() {
      request.end(body.slice(10));
      return status;
    },
  };
}

t.test('a first start prints the setup link; SIGTERM lets in-flight requests finish; a restart keeps the data', onPglite, async (t) => {
  const dir = t.testdir({ 'preau.config.json': JSON.stringify(config) });
  const first = await startCli({ cwd: dir });
  t.teardown(() => void first.child.kill('SIGKILL'));
  t.ok(first.setupToken, 'the setup link is printed');
  t.match(first.output(), /Préau n'est pas encore configuré/);

  const setup = await fetch(`${first.url}/api/core/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: first.setupToken, login: 'admin', displayName: 'Admin', password: 'cartable-vert-2026' }),
  });
  t.equal(setup.status, 201);
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const created = await fetch(`${first.url}/api/core/schools`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ uai: '0750001A', name: 'École Jean Moulin' }),
  });
  t.equal(created.status, 201);
  const { id: schoolId } = (await created.json()) as { id: number };

  const inFlight = slowRequest(first.url);
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.ok(existsSync(join(dir, '.data/pglite/preau.lock')), 'the data folder is locked while serving');

  first.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.equal(await inFlight.finish(), 401, 'the request in flight when SIGTERM came still got its answer');
  t.equal(await exited(first.child), 0, 'exits cleanly');
  t.notOk(existsSync(join(dir, '.data/pglite/preau.lock')), 'the lock is released');

  // As at a terminal: human-readable lines, then the address set apart after them.
  const second = await startCli({ cwd: dir, env: { PREAU_LOG_FORMAT: 'pretty', PREAU_LOG_LEVEL: 'info' } });
  t.teardown(() => void second.child.kill('SIGKILL'));
  t.notOk(second.setupToken, 'no setup link once set up');
  const [startUp, afterAddress] = second.output().split('Préau écoute sur');
  t.match(startUp, /INFO.*plugin lunch-menu active/, 'start-up lines are written for a person');
  t.notMatch(second.output(), /^\{"level"/m, 'not as JSON');
  t.notMatch(afterAddress, /INFO/, 'the address comes after every start-up line');
  const signIn = await fetch(`${second.url}/api/core/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'cartable-vert-2026' }),
  });
  t.equal(signIn.status, 200, 'the administrator survived the restart');
  const schools = await fetch(`${second.url}/api/core/schools`, { headers: { cookie: signIn.headers.get('set-cookie')!.split(';')[0]! } });
  t.match(await schools.json(), [{ id: schoolId, uai: '0750001A', name: 'École Jean Moulin' }]);

  // While it serves, doctor asks it for the plugin and migration checks it cannot make on a locked database.
  const doctor = await runCli(['doctor'], { cwd: dir, env: { PORT: new URL(second.url).port } });
  t.match(doctor.stdout, /✓ database \(PGlite\): in use by the running server/);
  t.match(doctor.stdout, /✓ core migrations: applied by the running server/);
  t.match(doctor.stdout, /✓ plugin lunch-menu@\S+: active \(running server, migrations applied\)/);
  t.equal(doctor.code, 0, doctor.stdout);
  // Ctrl-C under `npm start` signals the server twice: from the terminal, and forwarded by npm.
  second.child.kill('SIGINT');
  second.child.kill('SIGINT');
  t.equal(await exited(second.child), 0, 'a clean stop exits with 0');
  t.match(second.output(), /Préau arrêté proprement/, 'and says so once the database is closed');
});

t.test('a second process cannot open the same embedded database', onPglite, async (t) => {
  const dir = t.testdir({ 'preau.config.json': JSON.stringify({ plugins: [] }) });
  const server = await startCli({ cwd: dir });
  t.teardown(() => void server.child.kill('SIGKILL'));
  const other = await runCli(['migrate'], { cwd: dir });
  t.equal(other.code, 1);
  t.match(other.stderr, /in use by process \d+/);
  server.child.kill('SIGTERM');
  await exited(server.child);
});

t.test('an unknown configuration key stops the start with a message naming it', async (t) => {
  const dir = t.testdir({ 'preau.config.json': JSON.stringify({ server: { prot: 3000 } }) });
  const result = await runCli(['start'], { cwd: dir });
  t.equal(result.code, 1);
  t.match(result.stderr, /PREAU_ERR_CONFIG_INVALID : Configuration invalide : config\.server\.prot/);
});
