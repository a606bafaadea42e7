import t from 'tap';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { cliDatabase } from '../helpers/cli-database.js';
import { connect, eventually } from '../notifications/live-client.js';
import { exited, runCli, startCli } from './run-cli.js';

const onPostgres = process.env.PREAU_TEST_DATABASE === 'postgres';
const config = JSON.stringify({ plugins: [] });

/** A GET on a connection of its own, so that the cluster hands it to the next process. */
function freshGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

async function instancesAnswering(url: string, times: number): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let i = 0; i < times; i += 1) seen.add((JSON.parse((await freshGet(`${url}/api/core/health`)).body) as { instance: number }).instance);
  return seen;
}

t.test('several processes are refused on the embedded database, which one process owns', async (t) => {
  const dir = t.testdir({ 'preau.config.json': config });
  const result = await runCli(['start', '--workers', '2'], { cwd: dir, env: { DATABASE_URL: '', PREAU_DATA_DIR: `${dir}/.data` } });
  t.equal(result.code, 1);
  t.match(result.stderr, /--workers 2 needs PostgreSQL \(DATABASE_URL\)/);
  const wrong = await runCli(['start', '--workers', 'beaucoup'], { cwd: dir });
  t.match(wrong.stderr, /--workers "beaucoup" is not a number of processes/);
});

t.test(
  onPostgres
    ? 'preau start --workers 2: both processes serve one session, signing out on one closes the sockets on both, a dead process comes back'
    : 'preau start --workers 2: skipped on PGlite, which is one process (run with PREAU_TEST_DATABASE=postgres)',
  { skip: !onPostgres },
  async (t) => {
    const dir = t.testdir({ 'preau.config.json': config });
    const env = await cliDatabase(t, dir);
    const server = await startCli({ cwd: dir, env, args: ['--workers', '2'], ready: /Préau écoute sur \S+ \(2 processus\)/ });
    t.teardown(() => void server.child.kill('SIGKILL'));
    const url = /Préau écoute sur (\S+) \(2 processus\)/.exec(server.output())![1]!;
    const token = /\/setup\?token=(\S+)/.exec(server.output())?.[1];
    t.ok(token, 'the first process prints the setup link');
    t.equal(server.output().match(/\/setup\?token=/g)?.length, 1, 'once: the second process does not replace it');

    t.same([...(await instancesAnswering(url, 6))].sort(), [1, 2], 'new connections go to both processes');

    const setup = await fetch(`${url}/api/core/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, login: 'admin', displayName: 'Admin', password: 'cartable-vert-2026' }),
    });
    t.equal(setup.status, 201);
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const answers = await Promise.all(Array.from({ length: 6 }, () => freshGet(`${url}/api/core/me`, { cookie })));
    t.same(answers.map((answer) => answer.status), [200, 200, 200, 200, 200, 200], 'the session opened on one process is valid on both');

    const host = new URL(url).host;
    const sessionId = cookie.split('=')[1]!;
    const tabs = await Promise.all(Array.from({ length: 4 }, () => connect(host, sessionId)));
    await Promise.all(tabs.map((tab) => tab.next((m) => m.type === 'unread')));
    const out = await fetch(`${url}/api/core/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
    t.equal(out.status, 204);
    const closed = await Promise.all(tabs.map((tab) => tab.closed));
    t.same(closed.map((c) => c.code), [4001, 4001, 4001, 4001], 'every tab closes, whichever process held it');

    const workers = execFileSync('pgrep', ['-P', String(server.child.pid)], { encoding: 'utf8' }).trim().split('\n').map(Number);
    t.equal(workers.length, 2);
    process.kill(workers[0]!, 'SIGKILL');
    await eventually(() => /il redémarre/.test(server.output()), 10_000);
    await eventually(async () => (await instancesAnswering(url, 4)).size === 2, 60_000);
    t.pass('a killed process is replaced and serves again');

    server.child.kill('SIGTERM');
    t.equal(await exited(server.child), 0, 'SIGTERM stops every process cleanly');
    t.match(server.output(), /Préau arrêté proprement/);
  },
);
