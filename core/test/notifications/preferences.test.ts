import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { carnet, classWithFamilies, giveEmails, notify, word } from './notification-fixtures.js';

const platform = await createTestPlatform({ plugins: [carnet] });
t.teardown(() => platform.close());
const school = await platform.createSchool();
const cm1 = await classWithFamilies(platform, school, 'CM1', 2);
const [parent, other] = cm1.parents as [typeof cm1.parents[0], typeof cm1.parents[0]];
await giveEmails(platform, [parent, other, cm1.teacher]);
const URL = '/api/core/me/notification-preferences';
const typeOf = (body: { types: { app: string; type: string }[] }, type: string) => body.types.find((x) => x.app === 'carnet' && x.type === type);

t.test('the preferences list every declared type with its default per profile, the email address and the quiet hours', async (t) => {
  const body = (await platform.as(parent).inject(URL)).json();
  t.equal(body.email, `${parent.login}@familles.example.fr`);
  t.equal(body.emailEnabled, true);
  t.match(typeOf(body, 'word-posted'), { appTitle: { fr: 'Carnet de liaison' }, title: { fr: 'Nouveau mot dans le carnet' }, defaultDelivery: 'immediate', delivery: 'immediate', chosen: false, timelineOnly: false });
  t.match(typeOf(body, 'word-signed'), { defaultDelivery: 'daily', delivery: 'daily' });
  t.match(typeOf(body, 'reminder'), { timelineOnly: true, delivery: 'never' });
  t.ok(body.types.some((x: { app: string }) => x.app === 'core'), 'the core’s own types too');
  t.same(body.quietHours, { enabled: true, start: '20:00', end: '07:00', weekends: true, custom: false });
  t.same(body.academyQuietHours, { enabled: true, start: '20:00', end: '07:00', weekends: true });
  t.match(typeOf((await platform.as(cm1.teacher).inject(URL)).json(), 'word-signed'), { defaultDelivery: 'weekly' }, 'per profile');
});

t.test('a user changes a type, goes back to the default, and may turn every email off', async (t) => {
  const as = platform.as(parent);
  const changed = (await as.inject({ method: 'PUT', url: URL, payload: { types: [{ app: 'carnet', type: 'word-posted', delivery: 'weekly' }] } })).json();
  t.match(typeOf(changed, 'word-posted'), { delivery: 'weekly', chosen: true, defaultDelivery: 'immediate' });
  const sent = await notify().send(word(cm1.teacher, { users: [parent.id, other.id] }, 'Hebdo'));
  const rows = await platform.knex('core.notification_recipients').where({ notification_id: sent.id }).select('user_id', 'delivery', 'email_state');
  t.match(rows.find((r: { user_id: number }) => r.user_id === parent.id), { delivery: 'weekly', email_state: 'digest' });
  t.match(rows.find((r: { user_id: number }) => r.user_id === other.id), { delivery: 'immediate' }, 'only for that user');

  const back = (await as.inject({ method: 'PUT', url: URL, payload: { types: [{ app: 'carnet', type: 'word-posted', delivery: null }] } })).json();
  t.match(typeOf(back, 'word-posted'), { delivery: 'immediate', chosen: false });
  const off = (await as.inject({ method: 'PUT', url: URL, payload: { emailEnabled: false } })).json();
  t.equal(off.emailEnabled, false);
  t.ok(off.types.every((x: { delivery: string }) => x.delivery === 'never'));
  const silent = await notify().send(word(cm1.teacher, { users: [parent.id] }, 'Rien'));
  t.match(await platform.knex('core.notification_recipients').where({ notification_id: silent.id }).first('email_state'), { email_state: 'skipped' });
  await as.inject({ method: 'PUT', url: URL, payload: { emailEnabled: true } });

  const unknown = await as.inject({ method: 'PUT', url: URL, payload: { types: [{ app: 'carnet', type: 'word-posted', delivery: 'daily' }, { app: 'carnet', type: 'nope', delivery: 'daily' }] } });
  t.equal(unknown.statusCode, 400);
  t.equal(unknown.json().code, 'PREAU_ERR_NOTIFICATION_PREFERENCE');
  t.match(typeOf((await as.inject(URL)).json(), 'word-posted'), { chosen: false }, 'nothing of a refused change is kept');
  t.equal((await as.inject({ method: 'PUT', url: URL, payload: { types: [{ app: 'carnet', type: 'word-posted', delivery: 'hourly' }] } })).statusCode, 400);
  t.equal((await as.inject({ method: 'PUT', url: URL, payload: { quietHours: { enabled: true, start: '25:00', end: '07:00', weekends: true } } })).statusCode, 400);
  t.equal((await platform.inject(URL)).statusCode, 401);
});

t.test('an academy administrator changes a type’s default for a profile; users’ own choices still win', async (t) => {
  const refused = await platform.as(cm1.teacher).inject({ method: 'PUT', url: '/api/core/notification-defaults', payload: { app: 'carnet', type: 'word-posted', profile: 'Relative', delivery: 'daily' } });
  t.equal(refused.statusCode, 403);
  const admin = platform.as(platform.admin);
  t.equal((await admin.inject({ method: 'PUT', url: '/api/core/notification-defaults', payload: { app: 'carnet', type: 'word-posted', profile: 'Relative', delivery: 'daily' } })).statusCode, 204);
  t.equal((await admin.inject({ method: 'PUT', url: '/api/core/notification-defaults', payload: { app: 'carnet', type: 'word-signed', profile: null, delivery: 'never' } })).statusCode, 204);
  const defaults = (await admin.inject('/api/core/notification-defaults')).json();
  t.match(defaults.find((d: { type: string }) => d.type === 'word-posted'), { manifest: { Relative: 'immediate', Teacher: 'immediate' }, academy: { Relative: 'daily' } });
  t.match(defaults.find((d: { type: string }) => d.type === 'word-signed'), { manifest: { Teacher: 'weekly', Relative: 'daily' }, academy: { all: 'never' } });

  await platform.as(other).inject({ method: 'PUT', url: URL, payload: { types: [{ app: 'carnet', type: 'word-posted', delivery: 'immediate' }] } });
  t.match(typeOf((await platform.as(parent).inject(URL)).json(), 'word-posted'), { defaultDelivery: 'daily', delivery: 'daily' });
  t.match(typeOf((await platform.as(other).inject(URL)).json(), 'word-posted'), { defaultDelivery: 'daily', delivery: 'immediate', chosen: true });
  t.match(typeOf((await platform.as(cm1.teacher).inject(URL)).json(), 'word-signed'), { defaultDelivery: 'never' });
  const sent = await notify().send(word(cm1.teacher, { users: [parent.id, other.id] }, 'Défauts'));
  const rows = await platform.knex('core.notification_recipients').where({ notification_id: sent.id }).orderBy('user_id').select('user_id', 'delivery');
  t.same(rows.map((r: { delivery: string }) => r.delivery), [parent.id, other.id].sort((x, y) => x - y).map((id) => (id === parent.id ? 'daily' : 'immediate')));
  t.equal((await admin.inject({ method: 'PUT', url: '/api/core/notification-defaults', payload: { app: 'carnet', type: 'word-posted', profile: 'Relative', delivery: null } })).statusCode, 204);
  t.match(typeOf((await platform.as(parent).inject(URL)).json(), 'word-posted'), { defaultDelivery: 'immediate' }, 'back to the manifest');
});
