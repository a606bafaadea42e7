import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { createPlatform } from '../../src/platform.js';
import { openDatabase } from '../../src/db/open-database.js';
import { parseConfig } from '../../src/config/load-config.js';
import { carnet, classWithFamilies, notify, word } from './notification-fixtures.js';
import { connect, eventually, listen, sessionToken } from './live-client.js';

const platform = await createTestPlatform({ plugins: [carnet] });
t.teardown(() => platform.close());
const host = await listen(platform.platform);
const school = await platform.createSchool();
const cm2 = await classWithFamilies(platform, school, 'CM2 A', 3);

t.test('a notification is pushed live to every open tab of each recipient, with the unread count', async (t) => {
  const [a, b, c] = cm2.parents as [typeof cm2.parents[0], typeof cm2.parents[0], typeof cm2.parents[0]];
  const tabA1 = await connect(host, await sessionToken(platform.platform, a));
  const tabA2 = await connect(host, await sessionToken(platform.platform, a));
  const tabB = await connect(host, await sessionToken(platform.platform, b));
  const teacherTab = await connect(host, await sessionToken(platform.platform, cm2.teacher));
  t.teardown(() => [tabA1, tabA2, tabB, teacherTab].forEach((tab) => tab.close()));
  for (const tab of [tabA1, tabA2, tabB]) t.same(await tab.next(), { type: 'unread', count: 0 }, 'the counter on connecting');

  const sent = await notify().send(word(cm2.teacher, { users: [a.id, b.id] }, 'Réunion de rentrée'));
  for (const tab of [tabA1, tabA2, tabB]) {
    const pushed = await tab.next((m) => m.type === 'notification');
    t.match(pushed, { type: 'notification', quiet: false, item: { id: sent.id, text: `${cm2.teacher.displayName} a écrit un mot : Réunion de rentrée`, read: false } });
    t.same(await tab.next((m) => m.type === 'unread'), { type: 'unread', count: 1 });
  }
  await teacherTab.next((m) => m.type === 'unread');
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.notOk(teacherTab.messages.some((m) => m.type === 'notification'), 'the author is not notified');
  t.notOk(c && tabB.messages.some((m) => m.type === 'notification' && (m.item as { id: number }).id !== sent.id));

  // Reading in one tab updates the others.
  await platform.as(a).inject({ method: 'POST', url: '/api/core/timeline/read', payload: { ids: [sent.id] } });
  t.same(await tabA2.next((m) => m.type === 'read'), { type: 'read', ids: [sent.id] });
  t.same(await tabA2.next((m) => m.type === 'unread'), { type: 'unread', count: 0 });
});

t.test('a notification during quiet hours still reaches the open tab, marked quiet (no alert)', async (t) => {
  const parent = cm2.parents[2]!;
  const tab = await connect(host, await sessionToken(platform.platform, parent));
  t.teardown(() => tab.close());
  await tab.next();
  platform.clock.set('2026-11-26T21:30:00Z'); // Thursday 22:30 in Paris
  t.teardown(() => platform.clock.set('2026-11-26T09:00:00Z'));
  const sent = await notify().send(word(cm2.teacher, { users: [parent.id] }, 'Tard le soir'));
  t.match(await tab.next((m) => m.type === 'notification'), { quiet: true, item: { id: sent.id } });
});

t.test('a reconnecting tab gets what it missed since its last seen id, once', async (t) => {
  const parent = cm2.parents[1]!;
  const token = await sessionToken(platform.platform, parent);
  const tab = await connect(host, token);
  await tab.next();
  const seen = await notify().send(word(cm2.teacher, { users: [parent.id] }, 'Vu'));
  await tab.next((m) => m.type === 'notification');
  tab.close();
  await tab.closed;
  const missed = [];
  for (const title of ['Manqué 1', 'Manqué 2', 'Manqué 3']) missed.push((await notify().send(word(cm2.teacher, { users: [parent.id] }, title))).id);
  const back = await connect(host, token, { after: seen.id });
  for (const id of missed) t.match(await back.next((m) => m.type === 'notification'), { item: { id }, missed: true });
  const unread = await back.next((m) => m.type === 'unread');
  t.ok((unread.count as number) >= 4);
  const live = await notify().send(word(cm2.teacher, { users: [parent.id] }, 'En direct'));
  t.match(await back.next((m) => m.type === 'notification'), { item: { id: live.id } });
  // Asking again over the open socket repeats nothing already sent.
  back.ws.send(JSON.stringify({ type: 'resume', after: seen.id }));
  await back.next((m) => m.type === 'unread');
  t.equal(back.messages.filter((m) => m.type === 'notification').length, 4);
  back.close();
});

t.test('a socket needs a session cookie and a page of Préau as its Origin', async (t) => {
  const token = await sessionToken(platform.platform, cm2.parents[0]!);
  const refusal = (attempt: Promise<unknown>) => attempt.then(() => 101, (error: { statusCode?: number }) => error.statusCode);
  t.equal(await refusal(connect(host, null)), 401, 'no cookie');
  t.equal(await refusal(connect(host, 'not-a-session')), 401, 'no such session');
  t.equal(await refusal(connect(host, token, { origin: 'https://evil.example' })), 403, 'another site');
  const allowed = await connect(host, token, { origin: 'http://127.0.0.1:3000' });
  allowed.close();
});

t.test('signing out or being blocked closes the sockets of that session or user', async (t) => {
  const parent = cm2.parents[0]!;
  const session = await platform.platform.sessions.create(parent.id, {});
  const other = await sessionToken(platform.platform, parent);
  const tab = await connect(host, session.token);
  const otherTab = await connect(host, other);
  const out = await platform.inject({ method: 'DELETE', url: '/api/core/session', cookies: { preau_session: session.token }, headers: { 'x-csrf-token': session.csrfToken } });
  t.equal(out.statusCode, 204);
  t.same(await tab.closed, { code: 4001, reason: 'session ended' });
  t.equal(otherTab.ws.readyState, otherTab.ws.OPEN, 'the other session stays open');
  await platform.knex('core.users').where({ id: parent.id }).update({ state: 'blocked' });
  await platform.platform.sessions.invalidateUser(parent.id);
  t.equal((await otherTab.closed).code, 4001);
  await platform.knex('core.users').where({ id: parent.id }).update({ state: 'active' });
});

const onPostgres = platform.database === 'postgres';
t.test(
  onPostgres
    ? 'two server processes on one PostgreSQL: a notification sent on A arrives over the WebSocket of a client connected to B'
    : 'two server processes on one database: skipped on PGlite, which is one process (run with PREAU_TEST_DATABASE=postgres)',
  { skip: !onPostgres },
  async (t) => {
    // Process A's notify service, taken before B mounts the same plugin.
    const notifyOnA = notify();
    const database = await openDatabase({ url: platform.platform.database.url!, dataDir: '', poolSize: 4 });
    const b = await createPlatform({ config: parseConfig({ logLevel: 'silent', plugins: [] }, process.cwd()), extraPlugins: [carnet], database, clock: platform.clock, buildWeb: false, logger: false });
    t.teardown(() => b.close());
    const hostB = await listen(b);
    const parent = cm2.parents[1]!;
    const tabOnB = await connect(hostB, await sessionToken(b, parent));
    t.teardown(() => tabOnB.close());
    await tabOnB.next((m) => m.type === 'unread');
    await eventually(() => b.notifications.hub.size === 1);
    await eventually(() => platform.platform.notifications.hub.size === 0); // no tab open on A
    const sent = await notifyOnA.send(word(cm2.teacher, { groups: [cm2.groups.parents] }, 'Envoyé sur A'));
    t.match(await tabOnB.next((m) => m.type === 'notification'), { item: { id: sent.id, text: `${cm2.teacher.displayName} a écrit un mot : Envoyé sur A` } });
    t.match(await tabOnB.next((m) => m.type === 'unread'), { type: 'unread' });
    // Reading on A updates the tab on B.
    await platform.as(parent).inject({ method: 'POST', url: '/api/core/timeline/read', payload: { all: true } });
    t.same(await tabOnB.next((m) => m.type === 'unread'), { type: 'unread', count: 0 });
  },
);

t.test('a live signal reaches only the open tabs of its users, once per burst, with no timeline line', async (t) => {
  const [a, b, c] = cm2.parents as [typeof cm2.parents[0], typeof cm2.parents[0], typeof cm2.parents[0]];
  const tabA = await connect(host, await sessionToken(platform.platform, a));
  const tabB = await connect(host, await sessionToken(platform.platform, b));
  const tabC = await connect(host, await sessionToken(platform.platform, c));
  t.teardown(() => [tabA, tabB, tabC].forEach((tab) => tab.close()));
  for (const tab of [tabA, tabB, tabC]) await tab.next((m) => m.type === 'unread');
  const before = await platform.knex('core.notifications').count<{ count: number }[]>('* as count');

  const service = platform.platform.notifications.service;
  // Three hints in a burst (three families signing one word) for A, then for B.
  await service.signal({ app: 'carnet', name: 'word-changed', users: [a.id], data: { wordId: 7 } });
  await service.signal({ app: 'carnet', name: 'word-changed', users: [a.id], data: { wordId: 7 } });
  await service.signal({ app: 'carnet', name: 'word-changed', users: [b.id], data: { wordId: 7 } });
  for (const tab of [tabA, tabB]) t.same(await tab.next((m) => m.type === 'signal'), { type: 'signal', app: 'carnet', name: 'word-changed', data: { wordId: 7 } });
  await new Promise((resolve) => setTimeout(resolve, 400));
  t.equal(tabA.messages.filter((m) => m.type === 'signal').length, 1, 'one message for the burst');
  t.notOk(tabC.messages.some((m) => m.type === 'signal'), 'nobody else hears it');
  t.same(await platform.knex('core.notifications').count<{ count: number }[]>('* as count'), before, 'no timeline line');
});
