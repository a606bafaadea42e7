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
    identity: { maxFailuresPerAccountFromIp: 2, maxFailuresPerAccount: 3, maxFailuresPerIp: 20, lockMinutes: 1, maxLockMinutes: 30 },
  },
});
t.teardown(() => platform.close());
// The same, behind a reverse proxy at 10.200.0.0/16 whose X-Forwarded-For is believed.
const proxied = await createTestPlatform({ config: { server: { trustProxy: ['10.200.0.0/16'] } } });
t.teardown(() => proxied.close());
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

  const pair = await platform.knex('core.sign_in_throttle').where({ key: `pair:${parent.login}|10.1.0.1` }).first('failures', 'locked_until');
  t.equal(pair.failures, 2, 'two of the failures came from 10.1.0.1, which locks the account there too');
  const unlock = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/users/${parent.id}/unlock` });
  t.equal(unlock.statusCode, 204);
  t.equal((await signInFrom(parent.login, parent.password, '10.1.0.1')).statusCode, 200, 'unlocked by the director, from every address');
  t.equal(await platform.knex('core.sign_in_throttle').where('key', 'like', `%${parent.login}%`).count('* as n').first().then((r) => Number(r!.n)), 0, 'no counter of the account is left');
});

t.test('failures of one account from one address lock it there only: its owner still signs in from elsewhere', async (t) => {
  const pupil = await platform.createUser({ profile: 'Student', schools: [school] });
  for (let i = 1; i <= 2; i += 1) t.equal((await signInFrom(pupil.login, 'devine', '10.3.0.1')).statusCode, 401, `failure ${i} from the classmate's address`);
  const there = await signInFrom(pupil.login, pupil.password, '10.3.0.1');
  t.equal(there.statusCode, 429, 'from that address, even the right password waits');
  t.equal(there.json().code, 'PREAU_ERR_SIGN_IN_LOCKED');
  t.equal(there.headers['retry-after'], '60');
  for (let i = 0; i < 5; i += 1) t.equal((await signInFrom(pupil.login, 'devine', '10.3.0.1')).statusCode, 429);
  const row = await platform.knex('core.sign_in_throttle').where({ key: `account:${pupil.login}` }).first('failures', 'locked_until');
  t.same(row, { failures: 2, locked_until: null }, 'refused attempts are not counted: one address cannot lock the account everywhere');

  t.equal((await signInFrom(pupil.login, pupil.password, '10.3.0.2')).statusCode, 200, 'from home, the pupil signs in');
  t.notOk(await platform.knex('core.sign_in_throttle').where({ key: `account:${pupil.login}` }).first(), 'which forgets the account\'s failures');
  t.equal((await signInFrom(pupil.login, pupil.password, '10.3.0.1')).statusCode, 429, 'but not the lock of the other address');
  platform.clock.advance(61_000);
  t.equal((await signInFrom(pupil.login, pupil.password, '10.3.0.1')).statusCode, 200, 'which ends on its own');
});

t.test('a spraying address waits before each guess, while the people who signed in from it before still get in at once', async (t) => {
  const regular = await platform.createUser({ profile: 'Teacher', schools: [school] });
  t.equal((await signInFrom(regular.login, regular.password, '10.9.9.9')).statusCode, 200, 'a teacher signs in at school as every day');

  const statuses: number[] = [];
  const waits: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    const failed = await signInFrom(`inconnu.${i}`, 'mauvais-mot', '10.9.9.9');
    statuses.push(failed.statusCode);
    if (failed.statusCode === 429) waits.push(`${failed.json().code} ${failed.headers['retry-after']}`);
    // The sprayer waits as told, so that each guess is checked.
    if (failed.headers['retry-after'] && i < 59) platform.clock.advance(Number(failed.headers['retry-after']) * 1000);
  }
  t.same(statuses.slice(0, 20), Array(20).fill(401), 'up to the hourly limit, plain failures');
  t.same(statuses.slice(20), Array(40).fill(429), 'past it, each failure asks the address to wait');
  t.same(waits.slice(0, 8), ['1', '2', '4', '8', '16', '32', '60', '60'].map((s) => `PREAU_ERR_SIGN_IN_SLOWED ${s}`), 'twice as long each time, up to a minute');

  const hurried = await signInFrom('inconnu.61', 'mauvais-mot', '10.9.9.9');
  t.equal(hurried.json().code, 'PREAU_ERR_SIGN_IN_WAIT', 'a guess that does not wait is refused unchecked');
  t.match(hurried.json().message, /attendez 60 seconde\(s\) puis réessayez/);
  const newcomer = await platform.createUser({ profile: 'Teacher', schools: [school] });
  t.equal((await signInFrom(newcomer.login, newcomer.password, '10.9.9.9')).json().code, 'PREAU_ERR_SIGN_IN_WAIT', 'a login never seen at this address waits too, right password or not');
  const failuresBefore = (await platform.knex('core.sign_in_throttle').where({ key: 'ip:10.9.9.9' }).first('failures')).failures;

  const signedIn = await signInFrom(regular.login, regular.password, '10.9.9.9');
  t.equal(signedIn.statusCode, 200, 'the teacher who signed in from this address before gets in at once');
  t.ok(await platform.knex('core.sessions').where({ user_id: regular.id }).first(), 'with a session');
  t.equal((await signInFrom(regular.login, 'faute-de-frappe', '10.9.9.9')).json().code, 'PREAU_ERR_SIGN_IN_SLOWED', 'their own typo is checked, and slowed like the others');
  t.equal((await signInFrom(regular.login, regular.password, '10.9.9.9')).statusCode, 200, 'and their right password still gets in');
  t.equal((await signInFrom('inconnu.0', 'mauvais-mot', '10.9.9.10')).statusCode, 401, 'other addresses are not affected');

  platform.clock.advance(61_000);
  t.equal((await signInFrom(newcomer.login, newcomer.password, '10.9.9.9')).statusCode, 200, 'once the wait is over, the newcomer signs in');
  const address = await platform.knex('core.sign_in_throttle').where({ key: 'ip:10.9.9.9' }).first('failures');
  t.equal(address.failures, failuresBefore + 1, 'refused hurried guesses were not counted: only the checked typo was');

  platform.clock.advance(4 * 3_600_000);
  t.equal((await signInFrom('inconnu.0', 'mauvais-mot', '10.9.9.9')).statusCode, 401, 'hours later, the address has been forgiven');
});

t.test("a busy school's steady trickle of typos, under the hourly rate, is never slowed", async (t) => {
  const statuses = new Set<number>();
  for (let i = 0; i < 25; i += 1) {
    statuses.add((await signInFrom(`eleve.${i}`, 'oups', '10.8.8.8')).statusCode);
    platform.clock.advance(4 * 60_000);
  }
  t.same([...statuses], [401], '25 failures over 100 minutes (15 an hour, the limit being 20) are plain failures');
});

t.test('X-Forwarded-For is ignored unless it comes from a configured proxy', async (t) => {
  const tryFrom = (target: typeof platform, remoteAddress: string) =>
    target.app.inject({ method: 'POST', url: '/api/core/session', payload: { login: 'x.forwarded', password: 'non' }, remoteAddress, headers: { 'x-forwarded-for': '203.0.113.7' } });
  const keys = async (target: typeof platform) => (await target.knex('core.sign_in_throttle').where('key', 'like', 'ip:%').pluck('key')).sort();

  t.equal((await tryFrom(platform, '10.200.0.1')).statusCode, 401);
  t.ok((await keys(platform)).includes('ip:10.200.0.1'), 'without trustProxy, the sender is counted');
  t.notOk((await keys(platform)).includes('ip:203.0.113.7'), 'and the header, which anyone can write, is not');

  t.equal((await tryFrom(proxied, '10.200.0.1')).statusCode, 401);
  t.same(await keys(proxied), ['ip:203.0.113.7'], 'from the configured proxy, the forwarded address is counted');
  const audited = await proxied.knex('core.audit_log').where({ action: 'sign-in-failed' }).first('ip');
  t.equal(audited.ip, '203.0.113.7', 'and audited');
  t.equal((await tryFrom(proxied, '192.0.2.50')).statusCode, 401);
  t.same(await keys(proxied), ['ip:192.0.2.50', 'ip:203.0.113.7'], 'from any other sender, the header is ignored');
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
