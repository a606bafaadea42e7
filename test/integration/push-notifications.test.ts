import t from 'tap';
import { createTestPlatform, type TestUser } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import { startPushService, type LocalDevice } from './push-service.js';

// The server posts to a push service on 127.0.0.1 that decrypts what it receives: web-push and fetch run for real.
const service = await startPushService();
const SUBJECT = 'mailto:ent@ac-exemple.fr';
const platform = await createTestPlatform({
  plugins: [liaison],
  config: { notifications: { push: { subject: SUBJECT, endpointOrigins: [service.origin], ttlSeconds: 3600 } } },
});
t.teardown(async () => {
  await platform.close();
  await service.close();
});
const center = platform.platform.notifications;
const school = await platform.createSchool({ name: 'École Jean Moulin' });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'DUPONT Marie' });
const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 3, relativesPerPupil: 1 });
const [parent, other, third] = cm2.relatives.map((family) => family[0]!) as [TestUser, TestUser, TestUser];
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

const subscribe = (user: TestUser, device: LocalDevice, userAgent = ANDROID) =>
  platform.as(user).inject({ method: 'POST', url: '/api/core/me/devices', headers: { 'user-agent': userAgent }, payload: device.subscription });
const postWord = async (title: string): Promise<{ id: number; postedAt: number }> => {
  const postedAt = Date.now();
  const posted = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { title, body: '<p>Rendez-vous à 9 h.</p>', category: 'sortie', requiresAck: true, classIds: [cm2.id] } });
  if (posted.statusCode !== 201) throw new Error(posted.body);
  return { id: posted.json().id, postedAt };
};
const deliveries = () => platform.knex('core.push_deliveries').count<{ count: string }[]>('* as count').first().then((row) => Number(row!.count));

t.test('a parent subscribes this device from Mon compte, sees it listed with its browser and date, and a teacher’s word reaches it encrypted within a second', async (t) => {
  const phone = service.device('parent-phone');
  const subscribed = await subscribe(parent, phone);
  t.equal(subscribed.statusCode, 201, subscribed.body);
  t.match(subscribed.json(), { browser: 'Chrome sur Android', current: true, createdAt: platform.clock.now().toISOString() });
  const listed = (await platform.as(parent).inject('/api/core/me/devices')).json();
  t.equal(listed.enabled, true);
  t.same(listed.devices.map((d: { browser: string }) => d.browser), ['Chrome sur Android']);
  t.same((await platform.as(other).inject('/api/core/me/devices')).json().devices, [], 'another parent sees none of it');
  const exported = (await platform.as(parent).inject('/api/core/me/export')).json();
  t.match(exported.core.devices, [{ browser: 'Chrome sur Android' }], 'the personal data export lists the device');
  t.notMatch(JSON.stringify(exported), phone.subscription.keys.auth, 'but not its keys');

  const word = await postWord('Sortie au musée');
  const [push] = await service.waitFor('parent-phone', 1, 1_000);
  t.ok(push!.receivedAt - word.postedAt < 1_000, `received ${push!.receivedAt - word.postedAt} ms after the teacher sent the word`);
  t.same(JSON.parse(push!.payload), { title: "Nouveau mot dans le carnet", app: "Carnet de liaison", url: `/apps/liaison/words/${word.id}`, tag: JSON.parse(push!.payload).tag });
  t.notMatch(push!.payload, /musée|DUPONT|Rendez-vous/, 'no personal content: neither the word’s title, its author nor its text');
  t.equal(push!.headers['content-encoding'], 'aes128gcm');
  t.equal(push!.headers.ttl, '3600', 'the configured TTL');
  t.equal(push!.vapid.publicKey, listed.publicKey, 'signed with the key the browser subscribed with');
  t.equal(push!.vapid.sub, SUBJECT);
  t.ok(push!.vapid.exp > Date.now() / 1000 && push!.vapid.exp <= Date.now() / 1000 + 24 * 3600, 'the JWT expires within a day');
  t.same(service.errors, [], 'every push decrypted and its signature verified');
  await center.drain();
  t.equal(await deliveries(), 0, 'nothing left to send');
});

t.test('the VAPID keys are made once and kept in the database', async (t) => {
  const rows = await platform.knex('core.push_keys').select('public_key');
  t.equal(rows.length, 1);
  t.equal(rows[0].public_key, center.push.sender.publicKey);
});

t.test('at 21:00 (quiet hours) the push waits, and goes at 07:00 the next morning', async (t) => {
  const before = service.received.length;
  platform.clock.set('2026-11-26T20:00:00Z'); // Thursday 21:00 in Paris
  const word = await postWord('Piscine demain');
  await center.drain();
  t.equal(service.received.length, before, 'nothing pushed in the evening');
  const waiting = await platform.knex('core.push_deliveries').where({ notification_id: platform.knex('core.notifications').where({ app: 'liaison', type: 'word-posted' }).max('id') }).first('deliver_after');
  t.equal(new Date(waiting.deliver_after).toISOString(), '2026-11-27T06:00:00.000Z', 'due on Friday at 07:00 in Paris');

  platform.clock.set('2026-11-27T05:59:00Z');
  t.equal((await center.runJobs()).pushes, 0, 'still quiet at 06:59');
  platform.clock.set('2026-11-27T06:00:00Z');
  t.equal((await center.runJobs()).pushes, 1, 'pushed at 07:00');
  const pushes = await service.waitFor('parent-phone', 2);
  t.equal(JSON.parse(pushes.at(-1)!.payload).url, `/apps/liaison/words/${word.id}`);
});

t.test('push is chosen per type in Mon compte › Notifications: words are pushed by default, digests’ types are not', async (t) => {
  const preferences = (await platform.as(parent).inject('/api/core/me/notification-preferences')).json();
  const typeOf = (type: string) => preferences.types.find((p: { app: string; type: string }) => p.app === 'liaison' && p.type === type);
  t.match(typeOf('word-posted'), { push: true, pushDefault: true });
  t.match(typeOf('reply'), { push: false, pushDefault: false });

  const off = await platform.as(parent).inject({ method: 'PUT', url: '/api/core/me/notification-preferences', payload: { push: [{ app: 'liaison', type: 'word-posted', enabled: false }] } });
  t.equal(off.statusCode, 200, off.body);
  t.match(off.json().types.find((p: { type: string }) => p.type === 'word-posted'), { push: false, pushDefault: true });
  const before = service.received.length;
  await postWord('Photo de classe');
  await center.drain();
  t.equal(service.received.length, before, 'not pushed once turned off');
  t.equal(await deliveries(), 0);

  const unknown = await platform.as(parent).inject({ method: 'PUT', url: '/api/core/me/notification-preferences', payload: { push: [{ app: 'liaison', type: 'nope', enabled: true }] } });
  t.equal(unknown.statusCode, 400);
  t.equal(unknown.json().code, 'PREAU_ERR_NOTIFICATION_PREFERENCE');
  await platform.as(parent).inject({ method: 'PUT', url: '/api/core/me/notification-preferences', payload: { push: [{ app: 'liaison', type: 'word-posted', enabled: null }] } });
});

t.test('a push service that fails is tried again later, with a growing delay, and a 410 ends the subscription', async (t) => {
  const tablet = service.device('other-tablet');
  t.equal((await subscribe(other, tablet)).statusCode, 201);
  tablet.status = 503;
  await platform.quietly(async () => {
    await postWord('Kermesse');
    await center.drain();
  });
  const row = await platform.knex('core.push_deliveries').join('core.push_subscriptions as s', 's.id', 'subscription_id').where('s.endpoint', tablet.subscription.endpoint).first('deliver_after', 'attempts');
  t.equal(row.attempts, 1, 'tried once');
  t.equal(new Date(row.deliver_after).getTime(), platform.clock.now().getTime() + 30_000, 'again in 30 s');

  tablet.status = 410;
  platform.clock.advance(30_000);
  await platform.quietly(() => center.runJobs());
  t.equal(await platform.knex('core.push_subscriptions').where({ endpoint: tablet.subscription.endpoint }).first('id'), undefined, 'the browser dropped it: the subscription ends');
  t.same((await platform.as(other).inject('/api/core/me/devices')).json().devices, []);
});

t.test('a device is removed from Mon compte by its owner only; signing out and blocking the account end subscriptions', async (t) => {
  const laptop = service.device('third-laptop');
  const phone = service.device('third-phone');
  const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
  const made = (await subscribe(third, laptop, firefox)).json();
  t.equal(made.browser, 'Firefox sur Windows');
  t.equal((await platform.as(other).inject({ method: 'DELETE', url: `/api/core/me/devices/${made.id}` })).statusCode, 404, 'not someone else’s device');
  t.equal((await platform.as(third).inject({ method: 'DELETE', url: `/api/core/me/devices/${made.id}` })).statusCode, 204);
  t.same((await platform.as(third).inject('/api/core/me/devices')).json().devices, []);

  t.equal((await subscribe(third, phone)).statusCode, 201);
  t.equal((await platform.as(third).inject({ method: 'DELETE', url: '/api/core/session' })).statusCode, 204);
  t.equal(await platform.knex('core.push_subscriptions').where({ user_id: third.id }).first('id'), undefined, 'signing out ends the subscription of that device');

  t.equal((await subscribe(parent, service.device('parent-laptop'))).statusCode, 201);
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  t.equal((await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/users/${parent.id}/block` })).statusCode, 200);
  t.equal(await platform.knex('core.push_subscriptions').where({ user_id: parent.id }).first('id'), undefined, 'blocking the account ends every subscription of it');
});

t.test('a subscription to a push service the configuration does not allow, or with bad keys, is refused in French', async (t) => {
  const device = service.device('intruder');
  const inside = await platform.as(other).inject({ method: 'POST', url: '/api/core/me/devices', payload: { ...device.subscription, endpoint: 'http://10.0.0.5/admin' } });
  t.equal(inside.statusCode, 400);
  t.equal(inside.json().code, 'PREAU_ERR_PUSH_SUBSCRIPTION');
  t.match(inside.json().message, "n'est pas autorisé");
  const keys = await platform.as(other).inject({ method: 'POST', url: '/api/core/me/devices', payload: { ...device.subscription, keys: { p256dh: 'abc', auth: 'def' } } });
  t.equal(keys.statusCode, 400);
  t.match(keys.json().message, 'clés de chiffrement invalides');
  t.equal((await platform.inject({ method: 'GET', url: '/api/core/me/devices' })).statusCode, 401, 'signed in only');
});
