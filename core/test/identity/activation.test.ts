import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { importedSchool, sessionFrom, signIn, slipsOf, type BrowserSession } from '../helpers/imported-school.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const imported = await importedSchool(platform, 'jeanMoulin', 'École Jean Moulin');
const cp = imported.classes.find((c) => c.label === 'CP - M. ROUX')!;
const activate = (payload: Record<string, unknown>) => platform.app.inject({ method: 'POST', url: '/api/core/activation', payload });
const DAY = 86_400_000;

t.test('a parent activates their account with the code from their slip, then signs in and sees their children', async (t) => {
  const slips = await slipsOf(platform, imported, cp.id);
  t.ok(slips.length > 22, 'a slip for each pupil and each relative of the class who has not activated yet');
  const slip = slips.find((s) => s.profile === 'Relative' && s.children.length > 1)!;
  t.match(slip.code, /^[A-HJ-NP-RT-Y346-9]{8}$/, 'eight characters without look-alikes');

  const check = await platform.app.inject({ method: 'POST', url: '/api/core/activation/check', payload: { login: slip.login, code: slip.code.toLowerCase() } });
  t.equal(check.statusCode, 200, 'the code is not case-sensitive');
  t.match(check.json(), { displayName: slip.displayName, profile: 'Relative', passwordMinLength: 8, charter: /charte|compte/ });
  const onFile = (await platform.knex('core.users').where({ login: slip.login }).first('email')).email;
  t.equal(check.json().email, onFile, 'the address on file (from ONDE) is shown, to be corrected');

  const weak = await activate({ login: slip.login, code: slip.code, password: 'azerty123', acceptCharter: true });
  t.equal(weak.json().code, 'PREAU_ERR_PASSWORD_WEAK', 'a common password is refused');
  const noCharter = await activate({ login: slip.login, code: slip.code, password: 'le-cartable-vert', acceptCharter: false });
  t.equal(noCharter.json().code, 'PREAU_ERR_CHARTER');

  const done = await activate({ login: slip.login, code: slip.code, password: 'le-cartable-vert', acceptCharter: true, email: 'parent@example.fr', mobile: '06 12 34 56 78' });
  t.equal(done.statusCode, 201, done.body);
  const session = sessionFrom(platform, done);
  const me = (await session.inject({ url: '/api/core/me' })).json();
  t.equal(me.user.login, slip.login);
  t.same(me.children.map((c: { displayName: string }) => c.displayName).sort(), [...slip.children].sort(), 'the children on the slip are the children on the home page');
  t.ok(me.children.every((c: { classes: { label: string }[]; school: { name: string } }) => c.classes.length === 1 && c.school.name === 'École Jean Moulin'));
  t.same(me.contact, { email: 'parent@example.fr', pendingEmail: null, mobile: '06 12 34 56 78', showEmail: false, showMobile: false });
  t.ok(me.groups.some((g: { name: string }) => g.name === 'Parents — CP - M. ROUX'), 'a member of the derived parents group of the class');
  const row = await platform.knex('core.users').where({ login: slip.login }).first('state', 'charter_accepted_at');
  t.equal(row.state, 'active');
  t.ok(row.charter_accepted_at);

  const reused = await activate({ login: slip.login, code: slip.code, password: 'un-autre-mot-de-passe', acceptCharter: true });
  t.equal(reused.json().code, 'PREAU_ERR_ACTIVATION_CODE', 'a code works once');
  const signedIn = await signIn(platform, slip.login, 'le-cartable-vert');
  t.ok('cookie' in signedIn, 'the chosen password signs in');
  const audit = await platform.knex('core.audit_log').where({ school_id: imported.school.id, action: 'activation' }).count<{ count: string }[]>('* as count');
  t.equal(Number(audit[0]!.count), 1, 'the activation is in the audit log of the school');
});

t.test('printing the slips again issues new codes and the earlier ones stop working; codes expire', async (t) => {
  const [first] = (await slipsOf(platform, imported, cp.id)).filter((s) => s.profile === 'Student');
  const [again] = (await slipsOf(platform, imported, cp.id)).filter((s) => s.userId === first!.userId);
  t.not(again!.code, first!.code);
  const old = await platform.app.inject({ method: 'POST', url: '/api/core/activation/check', payload: { login: first!.login, code: first!.code } });
  t.equal(old.json().code, 'PREAU_ERR_ACTIVATION_CODE');
  platform.clock.advance(91 * DAY);
  const expired = await platform.app.inject({ method: 'POST', url: '/api/core/activation/check', payload: { login: again!.login, code: again!.code } });
  t.equal(expired.statusCode, 401, 'a code older than 90 days is refused');
  t.equal(expired.json().code, 'PREAU_ERR_ACTIVATION_CODE');
  platform.clock.advance(-91 * DAY);
});

t.test('a teacher re-issues a code to a pending pupil of their class, and only to them; a pupil who forgot their password gets one from the director', async (t) => {
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [imported.school] });
  await platform.knex('core.class_members').insert({ class_id: cp.id, user_id: teacher.id });
  const [pupil] = (await slipsOf(platform, imported, cp.id)).filter((s) => s.profile === 'Student');
  const lostSlip = await platform.as(teacher).inject({ method: 'POST', url: `/api/core/schools/${imported.school.id}/users/${pupil!.userId}/activation-code` });
  t.equal(lostSlip.statusCode, 201, lostSlip.body);
  t.match(lostSlip.json(), { reset: false, emailed: false }, 'a pending account is not a reset');
  await activate({ login: pupil!.login, code: lostSlip.json().code, password: 'ma-trousse-rouge', acceptCharter: true });

  const byTeacher = await platform.as(teacher).inject({ method: 'POST', url: `/api/core/schools/${imported.school.id}/users/${pupil!.userId}/activation-code` });
  t.equal(byTeacher.statusCode, 403, 'once activated, the teacher no longer gives codes');
  t.equal(byTeacher.json().code, 'PREAU_ERR_ACCESS_RESET_ADMIN');
  const reissued = await platform.as(imported.director).inject({ method: 'POST', url: `/api/core/schools/${imported.school.id}/users/${pupil!.userId}/activation-code` });
  t.equal(reissued.statusCode, 201, reissued.body);
  t.match(reissued.json(), { reset: true, emailed: false }, 'no email to tell a pupil');
  const renewed = await activate({ login: pupil!.login, code: reissued.json().code, password: 'ma-trousse-bleue', acceptCharter: true });
  t.equal(renewed.statusCode, 201, 'the new code lets the pupil choose a new password');
  t.notOk('cookie' in (await signIn(platform, pupil!.login, 'ma-trousse-rouge')), 'the old password no longer works');

  const otherClass = imported.classes.find((c) => c.id !== cp.id)!;
  const [stranger] = (await slipsOf(platform, imported, otherClass.id, 'all')).filter((s) => s.profile === 'Student');
  const refused = await platform.as(teacher).inject({ method: 'POST', url: `/api/core/schools/${imported.school.id}/users/${stranger!.userId}/activation-code` });
  t.equal(refused.statusCode, 403, 'not to a pupil of another class');
  const slipsElsewhere = await platform.as(teacher).inject({ method: 'POST', url: `/api/core/schools/${imported.school.id}/classes/${otherClass.id}/activation-slips`, payload: {} });
  t.equal(slipsElsewhere.statusCode, 403, "nor print another class's slips");
});

t.test('the slips print as a page and as a PDF, in French', async (t) => {
  const html = await platform.as(imported.director).inject({ method: 'POST', url: `/api/core/schools/${imported.school.id}/classes/${cp.id}/activation-slips`, payload: { only: 'all' } });
  t.equal(html.statusCode, 200);
  t.match(html.headers['content-type'], /text\/html/);
  t.equal(html.headers['cache-control'], 'no-store');
  t.match(html.body, /lang="fr"/);
  t.match(html.body, /Code d&#39;activation : [A-Z0-9]{4}-[A-Z0-9]{4}/);
  t.match(html.body, /Activer mon compte/);
  const pdf = await platform.as(imported.director).inject({ method: 'POST', url: `/api/core/schools/${imported.school.id}/classes/${cp.id}/activation-slips`, payload: { only: 'all', format: 'pdf' } });
  t.equal(pdf.headers['content-type'], 'application/pdf');
  t.match(pdf.rawPayload.subarray(0, 8).toString('latin1'), /^%PDF-1\.4/);
  t.match(pdf.rawPayload.toString('latin1'), /\/Count \d+/);
});

t.test('wrong credentials get the same answer whether or not the login exists, and no one activates without a code', async (t) => {
  const unknown = await platform.app.inject({ method: 'POST', url: '/api/core/session', payload: { login: 'personne.inconnue', password: 'xxxxxxxxxx' }, remoteAddress: '10.0.0.9' });
  const wrong = await platform.app.inject({ method: 'POST', url: '/api/core/session', payload: { login: imported.director.login, password: 'xxxxxxxxxx' }, remoteAddress: '10.0.0.9' });
  t.equal(unknown.statusCode, 401);
  t.same(unknown.json(), wrong.json());
  const pending = await platform.knex('core.users').where({ state: 'pending' }).first('login');
  const noCode = await platform.app.inject({ method: 'POST', url: '/api/core/session', payload: { login: pending.login, password: 'xxxxxxxxxx' }, remoteAddress: '10.0.0.9' });
  t.same(noCode.json(), wrong.json(), 'a pending account cannot sign in with a password');
});

t.test('a user lists their sessions, ends one, then logs out everywhere', async (t) => {
  const user = await platform.createUser({ profile: 'Teacher', schools: [imported.school] });
  const laptop = (await signIn(platform, user.login, user.password)) as BrowserSession;
  const phone = (await signIn(platform, user.login, user.password)) as BrowserSession;
  const listed = (await laptop.inject({ url: '/api/core/me/sessions' })).json();
  t.equal(listed.length, 2);
  t.equal(listed.filter((s: { current: boolean }) => s.current).length, 1);
  const other = listed.find((s: { current: boolean }) => !s.current);
  t.equal((await laptop.inject({ method: 'DELETE', url: `/api/core/me/sessions/${other.id}` })).statusCode, 204);
  t.equal((await phone.inject({ url: '/api/core/me' })).statusCode, 401, 'the phone is signed out');
  const tablet = (await signIn(platform, user.login, user.password)) as BrowserSession;
  t.equal((await laptop.inject({ method: 'DELETE', url: '/api/core/me/sessions' })).statusCode, 204);
  t.equal((await laptop.inject({ url: '/api/core/me' })).statusCode, 401);
  t.equal((await tablet.inject({ url: '/api/core/me' })).statusCode, 401, 'every session ended');
});

t.test('sessions end after the idle timeout and after the absolute timeout', async (t) => {
  const user = await platform.createUser({ profile: 'Teacher', schools: [imported.school] });
  const idle = (await signIn(platform, user.login, user.password)) as BrowserSession;
  platform.clock.advance(121 * 60_000);
  t.equal((await idle.inject({ url: '/api/core/me' })).statusCode, 401, 'two idle hours end a session');
  const busy = (await signIn(platform, user.login, user.password)) as BrowserSession;
  for (let hour = 0; hour < 24 * 7; hour += 1) {
    platform.clock.advance(60 * 60_000);
    if ((await busy.inject({ url: '/api/core/me' })).statusCode !== 200) {
      t.equal(hour, 24 * 7 - 1, 'an active session lasts a week, not more');
      break;
    }
  }
  t.equal((await busy.inject({ url: '/api/core/me' })).statusCode, 401);
});

t.test('a cookie-authenticated write without the CSRF token is refused', async (t) => {
  const user = await platform.createUser({ profile: 'Relative', schools: [imported.school] });
  const session = (await signIn(platform, user.login, user.password)) as BrowserSession;
  const forged = await session.inject({ method: 'PATCH', url: '/api/core/me', payload: { language: 'en' }, csrf: false });
  t.equal(forged.statusCode, 403);
  t.equal(forged.json().code, 'PREAU_ERR_CSRF');
  t.equal((await session.inject({ method: 'PATCH', url: '/api/core/me', payload: { language: 'en' } })).statusCode, 204);
});

t.test('a user downloads all their personal data as JSON', async (t) => {
  const relative = await platform.knex('core.users as u').join('core.relative_links as rl', 'rl.relative_id', 'u.id').where('u.state', 'active').first('u.id', 'u.login');
  const response = await platform.as({ id: relative.id, login: relative.login, displayName: '', profile: 'Relative', password: '' }).inject('/api/core/me/export');
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-disposition'], /attachment; filename="preau-/);
  const data = response.json();
  t.equal(data.core.account.login, relative.login);
  t.ok(data.core.children.length >= 1);
  t.ok(data.core.schools.length === 1);
  t.same(data.apps, {});
});
