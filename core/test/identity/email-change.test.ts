import t from 'tap';
import { createTestPlatform, startSmtpSink, type TestUser } from '../../src/testing/index.js';
import { signIn, type BrowserSession } from '../helpers/imported-school.js';

// A family tablet left signed in must not be enough to take the account: the email (where reset links go)
// changes only with the password, and only once the new address has proved it is read.
const smtp = await startSmtpSink();
t.teardown(() => smtp.close());
const platform = await createTestPlatform({
  config: {
    smtp: { url: smtp.url, from: 'Préau <no-reply@ecole.test>' },
    server: { publicUrl: 'https://ent.ecole.test' },
    identity: { maxFailuresPerAccount: 3, maxFailuresPerIp: 50, lockMinutes: 1, maxLockMinutes: 30 },
  },
});
t.teardown(() => platform.close());
const { knex } = platform;
const school = await platform.createSchool({ name: 'École du Centre' });
const HOUR = 3_600_000;

async function parentWith(email: string | null, language: 'fr' | 'en' = 'fr'): Promise<{ parent: TestUser; tablet: BrowserSession }> {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], language });
  await knex('core.users').where({ id: parent.id }).update({ email });
  return { parent, tablet: (await signIn(platform, parent.login, parent.password)) as BrowserSession };
}
const emailOf = async (userId: number) => (await knex('core.users').where({ id: userId }).first('email')).email;
const changeEmail = (tablet: BrowserSession, payload: Record<string, unknown>) => tablet.inject({ method: 'PUT', url: '/api/core/me/email', payload });
const confirm = (token: string) => platform.app.inject({ method: 'POST', url: '/api/core/email/confirm', payload: { token } });
const tokenIn = (text: string) => decodeURIComponent(/https:\/\/ent\.ecole\.test\/email-confirm\?token=([\w%-]+)/.exec(text)![1]!);

t.test('an open session alone cannot change the email: no password, a wrong one, or the old PATCH are refused and change nothing', async (t) => {
  const { parent, tablet } = await parentWith('ancienne@example.fr');
  const sent = smtp.mails.length;
  const patched = await tablet.inject({ method: 'PATCH', url: '/api/core/me', payload: { email: 'pirate@example.com' } });
  t.equal(patched.statusCode, 400);
  t.equal(patched.json().code, 'PREAU_ERR_VALIDATION', 'PATCH /api/core/me no longer takes an email');
  const noPassword = await changeEmail(tablet, { email: 'pirate@example.com' });
  t.equal(noPassword.statusCode, 400);
  t.equal(noPassword.json().code, 'PREAU_ERR_VALIDATION');
  const wrong = await changeEmail(tablet, { email: 'pirate@example.com', currentPassword: 'devine-devine' });
  t.equal(wrong.statusCode, 400);
  t.equal(wrong.json().code, 'PREAU_ERR_CURRENT_PASSWORD');
  t.equal(wrong.json().message, 'Le mot de passe actuel est incorrect.');
  t.equal(await emailOf(parent.id), 'ancienne@example.fr', 'the email is unchanged');
  t.same(await knex('core.email_changes').where({ user_id: parent.id }).select('email'), [], 'nothing waits for confirmation');
  t.equal(smtp.mails.length, sent, 'no mail went anywhere');
  t.equal((await tablet.inject({ method: 'PATCH', url: '/api/core/me', payload: { mobile: '06 12 34 56 78' } })).statusCode, 204, 'the mobile still changes without a password');
});

t.test('wrong current passwords count against the sign-in throttle, so they cannot be tried from an open session', async (t) => {
  const { parent, tablet } = await parentWith('verrou@example.fr');
  for (let i = 1; i <= 3; i += 1) {
    const wrong = await changeEmail(tablet, { email: 'pirate@example.com', currentPassword: `essai-${i}-faux` });
    t.equal(wrong.json().code, 'PREAU_ERR_CURRENT_PASSWORD', `attempt ${i}`);
  }
  const locked = await changeEmail(tablet, { email: 'pirate@example.com', currentPassword: parent.password });
  t.equal(locked.statusCode, 429, 'locked, even with the right password');
  t.equal(locked.json().code, 'PREAU_ERR_SIGN_IN_LOCKED');
  const passwordChange = await tablet.inject({ method: 'PUT', url: '/api/core/me/password', payload: { currentPassword: parent.password, newPassword: 'un-nouveau-cartable' } });
  t.equal(passwordChange.statusCode, 429, 'the password change waits too');
  const signInPage = await platform.app.inject({ method: 'POST', url: '/api/core/session', payload: { login: parent.login, password: parent.password }, remoteAddress: '10.3.0.1' });
  t.equal(signInPage.statusCode, 429, 'and so does the sign-in page, from any address');
  t.ok(await knex('core.audit_log').where({ action: 'sign-in-locked', target_user_id: parent.id }).first('id'), 'the lock is audited');
  t.equal(await emailOf(parent.id), 'verrou@example.fr');
  platform.clock.advance(2 * 60_000);
});

t.test('with the password, the new address is used only once confirmed: mail to the new address with a link, mail to the old one', async (t) => {
  const { parent, tablet } = await parentWith('ancienne@example.fr');
  const asked = await changeEmail(tablet, { email: 'nouvelle@example.fr', currentPassword: parent.password });
  t.equal(asked.statusCode, 202, asked.body);
  t.same(asked.json(), { email: 'ancienne@example.fr', pendingEmail: 'nouvelle@example.fr', pendingUntil: new Date(platform.clock.now().getTime() + 24 * HOUR).toISOString() });
  const link = await smtp.next();
  t.same(link.to, ['nouvelle@example.fr']);
  t.match(link.text, /valable 24 heures, une seule fois/);
  const token = tokenIn(link.text);
  const notice = await smtp.next();
  t.same(notice.to, ['ancienne@example.fr'], 'the old address is told');
  t.match(notice.text, 'remplacer l\'adresse électronique de votre compte Préau par nouvelle@example.fr');
  t.match(notice.text, /Le 26 novembre 2026 à 10:\d\d \(heure de Paris\)/, 'when, in Paris time');

  t.equal(await emailOf(parent.id), 'ancienne@example.fr', 'until confirmed, the old address stays');
  const stored = await knex('core.email_changes').where({ user_id: parent.id }).first('token_hash', 'email');
  t.equal(stored.email, 'nouvelle@example.fr');
  t.not(stored.token_hash, token, 'only a hash of the token is stored');
  t.match((await tablet.inject({ url: '/api/core/me' })).json().contact, { email: 'ancienne@example.fr', pendingEmail: 'nouvelle@example.fr' });
  await platform.app.inject({ method: 'POST', url: '/api/core/password/forgotten', payload: { login: parent.login } });
  const reset = await smtp.next();
  t.same(reset.to, ['ancienne@example.fr'], '"Mot de passe oublié" still mails the old address');

  const confirmed = await confirm(token);
  t.equal(confirmed.statusCode, 200, confirmed.body);
  t.same(confirmed.json(), { email: 'nouvelle@example.fr' });
  t.equal(await emailOf(parent.id), 'nouvelle@example.fr', 'confirmed, the new address is the account’s');
  t.match((await tablet.inject({ url: '/api/core/me' })).json().contact, { email: 'nouvelle@example.fr', pendingEmail: null });
  t.ok(await knex('core.audit_log').where({ action: 'email-changed', target_user_id: parent.id }).first('id'), 'audited');
  const oldLink = /password-reset\?token=([\w%-]+)/.exec(reset.text)![1]!;
  const staleReset = await platform.app.inject({ method: 'POST', url: '/api/core/password/reset', payload: { token: decodeURIComponent(oldLink), password: 'la-marelle-du-preau' } });
  t.equal(staleReset.json().code, 'PREAU_ERR_RESET_LINK', 'a reset link mailed to the old address died with it');

  const again = await confirm(token);
  t.equal(again.statusCode, 400);
  t.equal(again.json().code, 'PREAU_ERR_EMAIL_LINK', 'the link works once');
});

t.test('a confirmation link expires after 24 hours, and a newer request or a password change replaces it', async (t) => {
  const { parent, tablet } = await parentWith(null, 'en');
  await changeEmail(tablet, { email: 'first@example.com', currentPassword: parent.password });
  const first = await smtp.next();
  t.match(first.text, /valid 24 hours, once/, 'in the person’s language');
  t.equal(smtp.mails.filter((m) => m.to.includes('first@example.com')).length, 1, 'no old address to tell');
  platform.clock.advance(24 * HOUR + 1000);
  t.equal((await confirm(tokenIn(first.text))).json().code, 'PREAU_ERR_EMAIL_LINK', 'expired');
  t.equal(await emailOf(parent.id), null);

  const session = platform.as(parent);
  await session.inject({ method: 'PUT', url: '/api/core/me/email', payload: { email: 'second@example.com', currentPassword: parent.password } });
  const second = tokenIn((await smtp.next()).text);
  await session.inject({ method: 'PUT', url: '/api/core/me/email', payload: { email: 'third@example.com', currentPassword: parent.password } });
  const third = tokenIn((await smtp.next()).text);
  t.equal((await confirm(second)).json().code, 'PREAU_ERR_EMAIL_LINK', 'a newer request replaces the earlier link');
  await session.inject({ method: 'PUT', url: '/api/core/me/password', payload: { currentPassword: parent.password, newPassword: 'un-autre-cartable' } });
  t.equal((await confirm(third)).json().code, 'PREAU_ERR_EMAIL_LINK', 'changing the password cancels a change waiting');
  t.equal(await emailOf(parent.id), null);
  platform.clock.advance(-(24 * HOUR + 1000));
});

t.test('removing the email needs the password too, applies at once and tells the old address', async (t) => {
  const { parent, tablet } = await parentWith('partie@example.fr');
  const removed = await changeEmail(tablet, { email: null, currentPassword: parent.password });
  t.equal(removed.statusCode, 200, removed.body);
  t.same(removed.json(), { email: null, pendingEmail: null, pendingUntil: null });
  t.equal(await emailOf(parent.id), null);
  const notice = await smtp.next();
  t.same(notice.to, ['partie@example.fr']);
  t.match(notice.text, "l'adresse électronique de votre compte Préau a été retirée");
});
