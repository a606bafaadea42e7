import t from 'tap';
import { randomBytes } from 'node:crypto';
import { createTestPlatform } from '../../src/testing/index.js';
import { createPlatform } from '../../src/platform.js';
import { openDatabase } from '../../src/db/open-database.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createNatsEventBus } from '../../src/events/nats-event-bus.js';
import { carnet, classWithFamilies, notify, word } from '../notifications/notification-fixtures.js';
import { connect, eventually, listen, sessionToken } from '../notifications/live-client.js';
import { runCli } from '../cli/run-cli.js';

// A NATS server runs beside PostgreSQL on the development machines and in CI (NATS_URL overrides it). Each run
// takes subjects of its own, so that runs sharing the server never hear each other.
const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const subjectPrefix = `preau_test_${randomBytes(6).toString('hex')}`;
const events = { transport: 'nats', nats: { servers, subjectPrefix } };
const silent = { warn() {}, info() {}, error() {} } as never;

/** Subscribes (resolving once the server knows), then gives the next payload the handler receives. */
async function nextPayload(subscribe: (handler: (payload: unknown) => void) => Promise<unknown>): Promise<{ payload: Promise<unknown> }> {
  let received!: (payload: unknown) => void;
  const payload = new Promise<unknown>((resolve) => (received = resolve));
  await subscribe(received);
  return { payload };
}

t.test('a message published on one process’s NATS bus reaches the subscribers of every process, this one included', async (t) => {
  const a = await createNatsEventBus({ servers, subjectPrefix }, silent);
  const b = await createNatsEventBus({ servers, subjectPrefix }, silent);
  t.teardown(async () => {
    await a.close();
    await b.close();
  });
  const onA = await nextPayload((handler) => a.subscribe('sessions_ended', handler));
  const onB = await nextPayload((handler) => b.subscribe('sessions_ended', handler));
  await a.publish('sessions_ended', { userId: 7, accents: 'élève' });
  t.same(await onA.payload, { userId: 7, accents: 'élève' });
  t.same(await onB.payload, { userId: 7, accents: 'élève' });
});

t.test('an installation with another subject prefix hears nothing, and an unsubscribed handler nothing more', async (t) => {
  const a = await createNatsEventBus({ servers, subjectPrefix }, silent);
  const other = await createNatsEventBus({ servers, subjectPrefix: `${subjectPrefix}_other` }, silent);
  t.teardown(async () => {
    await a.close();
    await other.close();
  });
  const heardByOther: unknown[] = [];
  await other.subscribe('apps_changed', (payload) => heardByOther.push(payload));
  const heard: unknown[] = [];
  const stop = await a.subscribe('apps_changed', (payload) => heard.push(payload));
  await a.publish('apps_changed', 1);
  await eventually(() => heard.length === 1);
  await stop();
  await a.publish('apps_changed', 2);
  // A marker sent after the second message arrives after it: by then the second would have been heard.
  const marker = await nextPayload((handler) => a.subscribe('marker', handler));
  await a.publish('marker', 'fin');
  await marker.payload;
  t.same(heard, [1]);
  t.same(heardByOther, []);
  await t.rejects(a.publish('Bad channel', 1), /Invalid event channel/);
});

t.test('a bus that cannot reach NATS says where it looked', async (t) => {
  await t.rejects(createNatsEventBus({ servers: 'nats://127.0.0.1:1', subjectPrefix }, silent), /NATS.*nats:\/\/127\.0\.0\.1:1/);
});

t.test('preau doctor says whether the NATS of the configuration answers', async (t) => {
  const dir = t.testdir({ 'preau.config.json': JSON.stringify({ plugins: [], events }) });
  const env = { DATABASE_URL: '', PREAU_DATA_DIR: `${dir}/.data` };
  t.match((await runCli(['doctor'], { cwd: dir, env })).stdout, /✓ event bus \(NATS\): nats:\/\/\S+, subjects preau_test_\w+\.\*/);
  const down = await runCli(['doctor'], { cwd: dir, env: { ...env, NATS_URL: 'nats://127.0.0.1:1' } });
  t.match(down.stdout, /✗ event bus \(NATS\): event bus: cannot reach NATS at nats:\/\/127\.0\.0\.1:1/);
  t.equal(down.code, 1);
});

const onPostgres = process.env.PREAU_TEST_DATABASE === 'postgres';
t.test(
  onPostgres
    ? 'two processes on NATS: a notification sent on A reaches a tab on B, and signing out on A closes the tab on B'
    : 'two processes on NATS: skipped on PGlite, which is one process (run with PREAU_TEST_DATABASE=postgres)',
  { skip: !onPostgres },
  async (t) => {
    const a = await createTestPlatform({ plugins: [carnet], config: { events } });
    t.teardown(() => a.close());
    const notifyOnA = notify();
    const school = await a.createSchool();
    const cm2 = await classWithFamilies(a, school, 'CM2 A', 2);
    const database = await openDatabase({ url: a.platform.database.url!, dataDir: '', poolSize: 4 });
    const b = await createPlatform({
      config: parseConfig({ logLevel: 'silent', plugins: [], events }, process.cwd()),
      extraPlugins: [carnet], database, clock: a.clock, buildWeb: false, logger: false,
    });
    t.teardown(() => b.close());
    const hostB = await listen(b);
    const parent = cm2.parents[0]!;
    const session = await a.platform.sessions.create(parent.id, {});
    const tabOnB = await connect(hostB, session.token);
    await tabOnB.next((m) => m.type === 'unread');
    await eventually(() => b.notifications.hub.size === 1);

    const sent = await notifyOnA.send(word(cm2.teacher, { groups: [cm2.groups.parents] }, 'Sortie au musée'));
    t.match(await tabOnB.next((m) => m.type === 'notification'), { item: { id: sent.id } });

    const out = await a.inject({ method: 'DELETE', url: '/api/core/session', cookies: { preau_session: session.token }, headers: { 'x-csrf-token': session.csrfToken } });
    t.equal(out.statusCode, 204);
    t.same(await tabOnB.closed, { code: 4001, reason: 'session ended' });
    t.ok(await sessionToken(b, parent), 'B still opens new sessions');
  },
);
