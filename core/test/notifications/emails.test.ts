import { createHash } from 'node:crypto';
import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { startSmtpSink } from '../../src/testing/smtp-sink.js';
import { carnet, classWithFamilies, giveEmails, notify, word } from './notification-fixtures.js';

const sink = await startSmtpSink();
const platform = await createTestPlatform({ plugins: [carnet], config: { smtp: { url: sink.url }, server: { publicUrl: 'https://ent.example.fr' } } });
t.teardown(async () => {
  await platform.close();
  await sink.close();
});
const school = await platform.createSchool();
const cm2 = await classWithFamilies(platform, school, 'CM2 A', 4);
const [withEmail, second, third, withoutEmail] = cm2.parents as [typeof cm2.parents[0], typeof cm2.parents[0], typeof cm2.parents[0], typeof cm2.parents[0]];
await giveEmails(platform, [withEmail, second, third, cm2.teacher]);
const center = platform.platform.notifications;
const stateOf = async (id: number, userId: number): Promise<{ email_state: string; deliver_after: Date | null; delivery: string }> =>
  platform.knex('core.notification_recipients').where({ notification_id: id, user_id: userId }).first('email_state', 'deliver_after', 'delivery');
const path = (link: string): string => link.replace('https://ent.example.fr', '');
const unfold = (raw: string): string => raw.replace(/\r?\n[ \t]+/g, ' ');
const emailsOf = (notificationId: number) => sink.mails.filter((m) => m.raw.includes(`Message-ID: <notification-${notificationId}-`));
const textPart = (raw: string): string => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

t.test('an immediate notification is emailed at once with a text and an HTML part, a link to the item and a working unsubscribe link', async (t) => {
  const sent = await notify().send(word(cm2.teacher, { groups: [cm2.groups.parents] }, 'Sortie à la piscine'));
  await center.drain();
  t.equal(sink.mails.length, 3, 'one email per parent with an address');
  const mail = sink.mails.find((m) => m.to[0] === `${withEmail.login}@familles.example.fr`)!;
  t.ok(mail);
  t.match(mail.raw, /Content-Type: multipart\/alternative/);
  t.match(mail.raw, /Content-Type: text\/plain; charset=utf-8/);
  t.match(mail.raw, /Content-Type: text\/html; charset=utf-8/);
  t.match(unfold(mail.raw), /List-Unsubscribe: <https:\/\/ent\.example\.fr\/api\/core\/notifications\/unsubscribe\?token=/);
  t.match(mail.raw, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  t.match(mail.raw, /Subject: =\?UTF-8\?/, 'a French subject, encoded');
  const body = textPart(Buffer.from(mail.raw, 'utf8').toString('latin1'));
  const decoded = Buffer.from(body, 'latin1').toString('utf8');
  t.match(decoded, `a écrit un mot : Sortie à la piscine`);
  t.match(decoded, 'https://ent.example.fr/apps/carnet/words/1');
  t.match(decoded, /<a href="https:\/\/ent\.example\.fr\/apps\/carnet\/words\/1"/, 'the HTML part links to the item');
  t.equal((await stateOf(sent.id, withEmail.id)).email_state, 'sent');
  t.equal((await stateOf(sent.id, withoutEmail.id)).email_state, 'skipped', 'no address, no email');

  const link = /Ne plus recevoir ces courriels : (\S+)/.exec(decoded)![1]!;
  const confirm = await platform.inject(path(link));
  t.equal(confirm.statusCode, 200, 'works without a session');
  t.match(confirm.headers['content-type'], 'text/html');
  t.match(confirm.body, 'Ne plus recevoir par courriel : « Nouveau mot dans le carnet » (Carnet de liaison) ?');
  t.equal(await platform.knex('core.notification_preferences').where({ user_id: withEmail.id }).first(), undefined, 'opening the link (as a mail scanner does) changes nothing');
  const style = /<style>([\s\S]*?)<\/style>/.exec(confirm.body)![1]!;
  t.equal(
    confirm.headers['content-security-policy'],
    `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'the page runs nothing and allows only its own style and form',
  );
  t.notMatch(confirm.body, /\sstyle="/);
  const page = await platform.inject({ method: 'POST', url: path(link), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: 'confirm=1' });
  t.equal(page.statusCode, 200);
  t.match(page.body, 'Vous ne recevrez plus par courriel : « Nouveau mot dans le carnet » (Carnet de liaison)');
  t.same(await platform.knex('core.notification_preferences').where({ user_id: withEmail.id }).select('app', 'type', 'delivery'), [{ app: 'carnet', type: 'word-posted', delivery: 'never' }]);

  const count = sink.mails.length;
  const next = await notify().send(word(cm2.teacher, { users: [withEmail.id] }, 'Après désinscription'));
  await center.drain();
  t.equal(sink.mails.length, count, 'no more email of that type');
  t.equal((await stateOf(next.id, withEmail.id)).email_state, 'skipped');
  t.equal((await platform.as(withEmail).inject('/api/core/timeline')).json().items[0].id, next.id, 'the timeline still shows it');
  const other = await notify().send({ ...word(cm2.teacher, { users: [withEmail.id] }, 'Signé'), type: 'word-signed' });
  t.equal((await stateOf(other.id, withEmail.id)).email_state, 'digest', 'other types are untouched');

  const undo = await platform.inject(`${path(link)}&undo=1`);
  t.match(undo.body, 'Courriels rétablis');
  t.equal(await platform.knex('core.notification_preferences').where({ user_id: withEmail.id }).first(), undefined);
  const forged = await platform.inject(path(link).replace(/token=[^.]+/, `token=${Buffer.from(`${second.id}:carnet:word-posted`).toString('base64url')}`));
  t.equal(forged.statusCode, 400, 'a token changed to another user is refused');
  t.match(forged.body, 'Lien invalide');
});

t.test('someone who chose English gets their emails in English, dates still Paris time', async (t) => {
  const english = await platform.createUser({ profile: 'Relative', schools: [school] });
  await giveEmails(platform, [english]);
  await platform.knex('core.users').where({ id: english.id }).update({ language: 'en' });
  const sent = await notify().send(word(cm2.teacher, { users: [english.id] }, 'Swimming trip', '2'));
  await center.drain();
  const mail = emailsOf(sent.id).find((m) => m.to[0] === `${english.login}@familles.example.fr`);
  t.ok(mail, 'emailed at once');
  const decoded = Buffer.from(textPart(Buffer.from(mail!.raw, 'utf8').toString('latin1')), 'latin1').toString('utf8');
  t.match(decoded, /Hello /);
  t.match(decoded, 'wrote a word: Swimming trip', "the type's English message");
  t.match(decoded, 'To see it in Préau: https://ent.example.fr/apps/carnet/words/2');
  t.match(decoded, 'Stop these emails: https://ent.example.fr/api/core/notifications/unsubscribe?token=');
  t.match(decoded, '<html lang="en">');
  t.notMatch(decoded, /Bonjour|Ne plus recevoir/, 'no French left');
});

t.test('a mail client unsubscribes in one click with the RFC 8058 POST', async (t) => {
  await notify().send(word(cm2.teacher, { users: [second.id] }, 'Pour le clic'));
  await center.drain();
  const mail = sink.mails.at(-1)!;
  const link = /List-Unsubscribe: <([^>]+)>/.exec(unfold(mail.raw))![1]!;
  const response = await platform.inject({ method: 'POST', url: path(link), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
  t.equal(response.statusCode, 204);
  t.same(await platform.knex('core.notification_preferences').where({ user_id: second.id }).select('delivery'), [{ delivery: 'never' }]);
  await platform.knex('core.notification_preferences').where({ user_id: second.id }).delete();
});

t.test('a timeline-only type is never emailed, whatever the preferences', async (t) => {
  await platform.as(third).inject({ method: 'PUT', url: '/api/core/me/notification-preferences', payload: { types: [{ app: 'carnet', type: 'reminder', delivery: 'immediate' }] } });
  const count = sink.mails.length;
  const sent = await notify().send({ type: 'reminder', recipients: { users: [third.id] }, actor: cm2.teacher.id, resource: { app: 'carnet', id: '1', url: '/apps/carnet/words/1' } });
  await center.drain();
  await center.runJobs();
  t.equal(sink.mails.length, count);
  t.same(await stateOf(sent.id, third.id), { email_state: 'skipped', deliver_after: null, delivery: 'never' });
  t.equal((await platform.as(third).inject('/api/core/timeline')).json().items[0].text, 'Rappel de signature');
});

t.test('during quiet hours the email waits for their end, and the timeline shows it at once', async (t) => {
  t.teardown(() => platform.clock.set('2026-11-26T09:00:00Z'));
  platform.clock.set('2026-11-26T21:30:00Z'); // Thursday 22:30 in Paris
  const count = sink.mails.length;
  const night = await notify().send(word(cm2.teacher, { users: [withEmail.id, second.id] }, 'Message du soir'));
  await center.drain();
  t.equal(sink.mails.length, count, 'nothing sent at night');
  t.same(await stateOf(night.id, withEmail.id), { email_state: 'pending', deliver_after: new Date('2026-11-27T06:00:00Z'), delivery: 'immediate' });
  t.equal((await platform.as(withEmail).inject('/api/core/timeline')).json().items[0].id, night.id);
  // The second parent reads it in the evening: no email in the morning.
  await platform.as(second).inject({ method: 'POST', url: '/api/core/timeline/read', payload: { ids: [night.id] } });

  platform.clock.set('2026-11-27T05:59:00Z');
  t.equal((await center.runJobs()).emails, 0, 'still quiet at 06:59');
  platform.clock.set('2026-11-27T06:00:00Z');
  t.equal((await center.runJobs()).emails, 1, 'sent at 07:00 in Paris');
  t.same(emailsOf(night.id).map((m) => m.to), [[`${withEmail.login}@familles.example.fr`]]);
  t.equal((await stateOf(night.id, second.id)).email_state, 'skipped', 'read before it was due');
  t.equal((await center.runJobs()).emails, 0, 'and only once');

  platform.clock.set('2026-11-27T19:30:00Z'); // Friday 20:30: the weekend follows
  const weekend = await notify().send(word(cm2.teacher, { users: [withEmail.id] }, 'Vendredi soir'));
  t.same((await stateOf(weekend.id, withEmail.id)).deliver_after, new Date('2026-11-30T06:00:00Z'), 'Monday 07:00');
  platform.clock.set('2026-11-28T10:00:00Z'); // Saturday
  const saturday = await notify().send(word(cm2.teacher, { users: [withEmail.id] }, 'Samedi'));
  t.same((await stateOf(saturday.id, withEmail.id)).deliver_after, new Date('2026-11-30T06:00:00Z'));
  t.equal((await center.runJobs()).emails, 0);
  platform.clock.set('2026-11-30T06:00:00Z');
  t.equal((await center.runJobs()).emails, 2);
});

t.test('a user may choose their own quiet hours, or none', async (t) => {
  t.teardown(() => platform.clock.set('2026-11-26T09:00:00Z'));
  const as = platform.as(third);
  const put = await as.inject({ method: 'PUT', url: '/api/core/me/notification-preferences', payload: { quietHours: { enabled: true, start: '12:00', end: '14:00', weekends: false } } });
  t.match(put.json().quietHours, { enabled: true, start: '12:00', end: '14:00', weekends: false, custom: true });
  platform.clock.set('2026-11-28T10:00:00Z'); // Saturday 11:00: not quiet for them
  const saturday = await notify().send(word(cm2.teacher, { users: [third.id] }, 'Samedi matin'));
  t.equal((await stateOf(saturday.id, third.id)).email_state, 'pending');
  await center.drain();
  t.equal((await stateOf(saturday.id, third.id)).email_state, 'sent');
  platform.clock.set('2026-11-30T11:30:00Z'); // Monday 12:30
  const noon = await notify().send(word(cm2.teacher, { users: [third.id] }, 'Midi'));
  t.same((await stateOf(noon.id, third.id)).deliver_after, new Date('2026-11-30T13:00:00Z'));
  await as.inject({ method: 'PUT', url: '/api/core/me/notification-preferences', payload: { quietHours: { enabled: false, start: '20:00', end: '07:00', weekends: true } } });
  platform.clock.set('2026-11-30T22:00:00Z');
  const late = await notify().send(word(cm2.teacher, { users: [third.id] }, 'Tard'));
  await center.drain();
  t.equal((await stateOf(late.id, third.id)).email_state, 'sent', 'no quiet hours: sent at 23:00');
  const reset = await as.inject({ method: 'PUT', url: '/api/core/me/notification-preferences', payload: { quietHours: null } });
  t.match(reset.json().quietHours, { enabled: true, start: '20:00', end: '07:00', weekends: true, custom: false });
});

t.test('the academy sets its own quiet hours in the configuration', async (t) => {
  const other = await createTestPlatform({ plugins: [carnet], config: { notifications: { quietHours: { start: '19:00', end: '08:00', weekends: false } } } });
  t.teardown(() => other.close());
  const s = await other.createSchool();
  const c = await classWithFamilies(other, s, 'CP', 1);
  await giveEmails(other, c.parents);
  other.clock.set('2026-11-26T18:30:00Z'); // 19:30 in Paris
  const sent = await notify().send(word(c.teacher, { users: [c.parents[0]!.id] }, 'Soir'));
  const row = await other.knex('core.notification_recipients').where({ notification_id: sent.id }).first('deliver_after');
  t.same(row.deliver_after, new Date('2026-11-27T07:00:00Z'));
});
