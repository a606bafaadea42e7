import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { startSmtpSink } from '../../src/testing/smtp-sink.js';
import { signIn, type BrowserSession } from '../helpers/imported-school.js';

const smtp = await startSmtpSink();
t.teardown(() => smtp.close());
const platform = await createTestPlatform({
  config: {
    smtp: { url: smtp.url, from: 'Préau <no-reply@ecole.test>' },
    server: { publicUrl: 'https://ent.ecole.test' },
    identity: { maxFailuresPerAccount: 3, maxFailuresPerIp: 20, lockMinutes: 1, maxLockMinutes: 30 },
  },
});
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École Victor Hugo' });
const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
const signInFrom = (login: string, password: string, ip: string) =>
  platform.app.inject({ method: 'POST', url: '/api/core/session', payload: { login, password }, remoteAddress: ip });

t.test('repeated failures lock the account for a growing time, shared through the database, audited, and the director unlocks it', async (t) => {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  for (let i = 1; i <= 3; i += 1) {
    const failed = await signInFrom(parent.login, 'pas-le-bon', `10.1.0.${i}`);
    t.equal(failed.statusCode, 401, `failure ${i} is a plain 401`);
  }
  const locked = await signInFrom(parent.login, parent.password, '10.1.0.9');
  t.equal(locked.statusCode, 429, 'even the right password waits while the account is locked, from any address');
  t.equal(locked.json().code, 'PREAU_ERR_SIGN_IN_LOCKED');
  t.equal(locked.headers['retry-after'], '60');
  const row = await platform.knex('core.sign_in_throttle').where({ key: `account:${parent.login}` }).first('failures', 'locked_until');
  t.equal(row.failures, 3, 'the counter lives in the database, where every process reads it');

  platform.clock.advance(61_000);
  t.equal((await signInFrom(parent.login, 'encore-faux', '10.1.0.1')).statusCode, 401);
  const longer = await signInFrom(parent.login, parent.password, '10.1.0.1');
  t.equal(longer.json().details.retryAfterSeconds, 120, 'the next lock lasts twice as long');

  const audit = await platform.as(director).inject(`/api/core/schools/${school.id}/audit?limit=50`);
  const actions = audit.json().map((e: { action: string }) => e.action);
  t.ok(actions.includes('sign-in-failed'));
  t.ok(actions.includes('sign-in-locked'), 'the lock is in the audit log of the school');

  const unlock = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/users/${parent.id}/unlock` });
  t.equal(unlock.statusCode, 204);
  t.equal((await signInFrom(parent.login, parent.password, '10.1.0.1')).statusCode, 200, 'unlocked by the director');
});

t.test('an address spraying many logins is locked whatever the login', async (t) => {
  for (let i = 0; i < 20; i += 1) await signInFrom(`inconnu.${i}`, 'mauvais-mot', '10.9.9.9');
  const user = await platform.createUser({ profile: 'Teacher', schools: [school] });
  t.equal((await signInFrom(user.login, user.password, '10.9.9.9')).statusCode, 429);
  t.equal((await signInFrom(user.login, user.password, '10.9.9.10')).statusCode, 200, 'other addresses are not affected');
});

t.test('a forgotten password is reset through the link sent by email, once, and every session ends', async (t) => {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  await platform.knex('core.users').where({ id: parent.id }).update({ email: 'maman@example.fr' });
  const before = (await signIn(platform, parent.login, parent.password)) as BrowserSession;

  const unknown = await platform.app.inject({ method: 'POST', url: '/api/core/password/forgotten', payload: { login: 'personne.inconnue' } });
  const known = await platform.app.inject({ method: 'POST', url: '/api/core/password/forgotten', payload: { login: parent.login } });
  t.equal(known.statusCode, 202);
  t.same(unknown.json(), known.json(), 'the same answer whether or not the login exists');

  const mail = await smtp.next();
  t.same(mail.to, ['maman@example.fr']);
  t.match(mail.text, /réinitialisation|nouveau mot de passe/);
  const link = /https:\/\/ent\.ecole\.test\/password-reset\?token=([\w%-]+)/.exec(mail.text);
  t.ok(link, 'the link points at the public address');
  const token = decodeURIComponent(link![1]!);
  t.equal(smtp.mails.length, 1, 'nothing was sent for the unknown login');

  const weak = await platform.app.inject({ method: 'POST', url: '/api/core/password/reset', payload: { token, password: 'motdepasse' } });
  t.equal(weak.json().code, 'PREAU_ERR_PASSWORD_WEAK');
  const reset = await platform.app.inject({ method: 'POST', url: '/api/core/password/reset', payload: { token, password: 'la-marelle-du-preau' } });
  t.equal(reset.statusCode, 204);
  t.equal((await before.inject({ url: '/api/core/me' })).statusCode, 401, 'the old session ended');
  const again = await platform.app.inject({ method: 'POST', url: '/api/core/password/reset', payload: { token, password: 'une-autre-marelle' } });
  t.equal(again.json().code, 'PREAU_ERR_RESET_LINK', 'the link works once');
  t.ok('cookie' in (await signIn(platform, parent.login, 'la-marelle-du-preau')));
});

t.test('a forgotten login is sent to the email address it belongs to', async (t) => {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  await platform.knex('core.users').where({ id: parent.id }).update({ email: 'papa@example.fr' });
  const sent = await platform.app.inject({ method: 'POST', url: '/api/core/login/forgotten', payload: { email: 'PAPA@example.fr' } });
  t.equal(sent.statusCode, 202);
  const mail = await smtp.next();
  t.same(mail.to, ['PAPA@example.fr']);
  t.match(mail.text, new RegExp(parent.login.replace('.', '\\.')));
});

t.test('a blocked user is signed out at once and cannot sign in until unblocked', async (t) => {
  const pupil = await platform.createUser({ profile: 'Student', schools: [school] });
  const session = (await signIn(platform, pupil.login, pupil.password)) as BrowserSession;
  t.equal((await session.inject({ url: '/api/core/me' })).statusCode, 200);
  const blocked = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/users/${pupil.id}/block` });
  t.equal(blocked.statusCode, 200);
  t.equal(blocked.json().state, 'blocked');
  t.equal((await session.inject({ url: '/api/core/me' })).statusCode, 401, 'the open session is refused on the next request');
  t.equal((await signInFrom(pupil.login, pupil.password, '10.2.0.1')).statusCode, 401);
  const unblocked = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/users/${pupil.id}/unblock` });
  t.equal(unblocked.json().state, 'active');
  t.equal((await signInFrom(pupil.login, pupil.password, '10.2.0.1')).statusCode, 200);
  const self = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/users/${director.id}/block` });
  t.equal(self.statusCode, 403, 'a director cannot block themself');
});
