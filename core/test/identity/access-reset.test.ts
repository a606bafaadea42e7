import t from 'tap';
import { createTestPlatform, startSmtpSink } from '../../src/testing/index.js';
import { signIn, type BrowserSession } from '../helpers/imported-school.js';

// A new code lets whoever holds it choose the password: for an activated account it is a way in. Teachers
// give codes only to pending accounts; a director resets an activated one, visibly.
const smtp = await startSmtpSink();
t.teardown(() => smtp.close());
const platform = await createTestPlatform({
  config: { smtp: { url: smtp.url, from: 'Préau <no-reply@ecole.test>' }, server: { publicUrl: 'https://ent.ecole.test' } },
});
t.teardown(() => platform.close());
const { knex } = platform;
const school = await platform.createSchool({ name: 'École Jules Ferry' });
const director = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Sophie', functions: [{ function: 'director', schoolId: school.id }] });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
const cm1 = await platform.createClass({ school, label: 'CM1 - M. BLANC', teachers: [teacher], pupils: 1, relativesPerPupil: 2 });
const pupil = cm1.pupils[0]!;
const [mother, father] = cm1.relatives[0] as [typeof pupil, typeof pupil];
await knex('core.users').where({ id: mother.id }).update({ email: 'maman@example.fr' });
await knex('core.users').where({ id: father.id }).update({ email: 'dad@example.com', language: 'en' });
// The pupil has not activated yet.
await knex('core.users').where({ id: pupil.id }).update({ state: 'pending', password_hash: null });
const codeUrl = (userId: number) => `/api/core/schools/${school.id}/users/${userId}/activation-code`;
const slipsUrl = `/api/core/schools/${school.id}/classes/${cm1.id}/activation-slips`;
const codesOf = (userId: number) => knex('core.activation_codes').where({ user_id: userId }).select('code_hash');

t.test("a teacher cannot get a code for an activated parent of their class, so cannot sign in as them", async (t) => {
  const session = (await signIn(platform, mother.login, mother.password)) as BrowserSession;
  const refused = await platform.as(teacher).inject({ method: 'POST', url: codeUrl(mother.id) });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'PREAU_ERR_ACCESS_RESET_ADMIN');
  t.match(refused.json().message, /déjà activé.*direction/);
  const allSlips = await platform.as(teacher).inject({ method: 'POST', url: slipsUrl, payload: { only: 'all', format: 'json' } });
  t.equal(allSlips.statusCode, 403, 'nor slips for everyone of the class');
  t.equal(allSlips.json().code, 'PREAU_ERR_ACCESS_RESET_ADMIN');
  const chosen = await platform.as(teacher).inject({ method: 'POST', url: slipsUrl, payload: { format: 'json', userIds: [mother.id, father.id] } });
  t.same(chosen.json().slips, [], 'slips by name skip activated accounts');
  t.same(await codesOf(mother.id), [], 'no code was issued');
  t.equal((await session.inject({ url: '/api/core/me' })).statusCode, 200, "the parent's session goes on");
  t.notOk(await knex('core.audit_log').where({ action: 'access-reset' }).first('id'));
  t.equal(smtp.mails.length, 0);
});

t.test('a teacher still gives codes and slips to the pending accounts of their class', async (t) => {
  const slips = await platform.as(teacher).inject({ method: 'POST', url: slipsUrl, payload: { format: 'json' } });
  t.equal(slips.statusCode, 200, slips.body);
  t.same(slips.json().slips.map((s: { userId: number }) => s.userId), [pupil.id], 'the pending pupil only');
  const code = await platform.as(teacher).inject({ method: 'POST', url: codeUrl(pupil.id) });
  t.equal(code.statusCode, 201, code.body);
  t.match(code.json(), { userId: pupil.id, reset: false, emailed: false });
  t.notOk(await knex('core.audit_log').where({ action: 'access-reset' }).first('id'), 'a pending account is not a reset');
});

t.test("the director resets an activated parent's access: sessions end, audited, and the parent is told by email in French, Paris time", async (t) => {
  const session = (await signIn(platform, mother.login, mother.password)) as BrowserSession;
  const reset = await platform.as(director).inject({ method: 'POST', url: codeUrl(mother.id) });
  t.equal(reset.statusCode, 201, reset.body);
  t.match(reset.json(), { userId: mother.id, login: mother.login, code: /^[A-Z0-9]{8}$/, reset: true, emailed: true });
  t.equal((await session.inject({ url: '/api/core/me' })).statusCode, 401, 'the open session ended');
  t.same(await knex('core.sessions').where({ user_id: mother.id }).select('id'), [], 'every session row is gone');
  const line = await knex('core.audit_log').where({ action: 'access-reset', target_user_id: mother.id }).first('actor_id', 'school_id');
  t.same(line, { actor_id: director.id, school_id: school.id }, 'the audit log names who reset it');
  const mail = await smtp.next();
  t.same(mail.to, ['maman@example.fr']);
  t.match(mail.text, 'Votre accès a été réinitialisé par MARTIN Sophie (École Jules Ferry) le 26 novembre 2026 à 10:00 (heure de Paris)');
  t.notMatch(mail.text, reset.json().code, 'the code itself is never mailed');
  const activated = await platform.app.inject({
    method: 'POST', url: '/api/core/activation', payload: { login: mother.login, code: reset.json().code, password: 'la-cour-de-recre', acceptCharter: true },
  });
  t.equal(activated.statusCode, 201, 'the new code works');
});

t.test('slips for everyone, printed by the director, reset the activated accounts on them and tell each in their language', async (t) => {
  const fatherSession = (await signIn(platform, father.login, father.password)) as BrowserSession;
  const before = smtp.mails.length;
  const slips = await platform.as(director).inject({ method: 'POST', url: slipsUrl, payload: { only: 'all', format: 'json' } });
  t.equal(slips.statusCode, 200, slips.body);
  t.equal(slips.json().slips.length, 3);
  t.equal((await fatherSession.inject({ url: '/api/core/me' })).statusCode, 401);
  const resets = await knex('core.audit_log').where({ action: 'access-reset' }).whereIn('target_user_id', [father.id, pupil.id]).pluck('target_user_id');
  t.same(resets, [father.id], 'the pending pupil is not reset');
  const mails = [await smtp.next(), await smtp.next()];
  t.equal(smtp.mails.length, before + 2);
  const english = mails.find((m) => m.to[0] === 'dad@example.com')!;
  t.match(english.text, 'Your access was reset by MARTIN Sophie (École Jules Ferry) on 26 November 2026 at 10:00 (Paris time)');
  t.ok(mails.some((m) => m.to[0] === 'maman@example.fr'));
});

t.test('an administrator sets the email of a pending account, never of an activated one', async (t) => {
  const refused = await platform.as(director).inject({ method: 'PATCH', url: `/api/core/schools/${school.id}/users/${father.id}`, payload: { email: 'pirate@example.com' } });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'PREAU_ERR_EMAIL_OWNED');
  t.equal((await knex('core.users').where({ id: father.id }).first('email')).email, 'dad@example.com', 'unchanged');
  const cleared = await platform.as(director).inject({ method: 'PATCH', url: `/api/core/schools/${school.id}/users/${father.id}`, payload: { email: null } });
  t.equal(cleared.statusCode, 403, 'nor removes it');
  const renamed = await platform.as(director).inject({ method: 'PATCH', url: `/api/core/schools/${school.id}/users/${father.id}`, payload: { firstName: 'Marc' } });
  t.equal(renamed.statusCode, 200, 'names stay the school’s to correct');
  const pending = await platform.as(director).inject({ method: 'PATCH', url: `/api/core/schools/${school.id}/users/${pupil.id}`, payload: { email: 'famille@example.fr' } });
  t.equal(pending.statusCode, 200, pending.body);
  t.equal(pending.json().email, 'famille@example.fr');
});
