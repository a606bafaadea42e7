import t from 'tap';
import type { TestPlatform, TestUser } from '@preau/core/testing';
import { HOMEWORK, SESSION, textbookPlatform, textbookSchool, type TextbookSchool } from './helpers/school.js';

// One platform for the file; each test makes its own school and puts the clock back to Thursday 26 November 2026, 10:00.
let platform: TestPlatform;
t.before(async () => {
  platform = await textbookPlatform();
});
t.teardown(() => platform.close());
t.beforeEach(() => platform.clock.set('2026-11-26T09:00:00Z'));

const write = async (s: TextbookSchool, payload: object, classId = s.cm2.id) => {
  const response = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${classId}/entries`, payload });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { id: number };
};
const homeworkOf = async (user: TestUser, pupil: TestUser) => {
  const response = await platform.as(user).inject(`/api/textbook/pupils/${pupil.id}/homework`);
  return response.statusCode === 200 ? (response.json().homework as { id: number; title: string; bucket: string; done: unknown }[]) : response.statusCode;
};
const tick = (user: TestUser, entryId: number, pupil: TestUser, method: 'PUT' | 'DELETE' = 'PUT') =>
  platform.as(user).inject({ method, url: `/api/textbook/homework/${entryId}/pupils/${pupil.id}/done` });
const timeline = async (user: TestUser) => ((await platform.as(user).inject('/api/core/timeline?app=textbook')).json().items as { params: { title: string } }[]).map((i) => i.params.title);

t.test('a parent and the pupil see the homework by due date, in buckets, and the day’s séances', async (t) => {
  const s = await textbookSchool(platform);
  await write(s, HOMEWORK);
  await write(s, { ...HOMEWORK, title: 'Poésie', subject: 'Français', dueOn: '2026-11-30' });
  await write(s, { ...HOMEWORK, title: 'Exposé', subject: 'Histoire', dueOn: '2026-12-10' });
  await write(s, { ...HOMEWORK, title: 'Déjà passé', day: '2026-11-20', dueOn: '2026-11-23' });
  await write(s, SESSION);
  const [pupil] = s.cm2.pupils;
  const parentView = await homeworkOf(s.cm2.parents[0]!, pupil!);
  t.same(Array.isArray(parentView) && parentView.map((h) => [h.title, h.bucket]), [['Exercices 3 et 4 page 42', 'tomorrow'], ['Poésie', 'later'], ['Exposé', 'later']]);
  t.same(await homeworkOf(pupil!, pupil!), parentView, 'the pupil sees the same');
  const sessions = await platform.as(s.cm2.parents[0]!).inject(`/api/textbook/pupils/${pupil!.id}/sessions`);
  t.match(sessions.json(), [{ title: SESSION.title, day: '2026-11-26' }]);
  t.equal(await homeworkOf(s.cm2.parents[1]!, pupil!), 403, 'another parent of the class cannot read this child');
  t.equal(await homeworkOf(s.foreignParent, pupil!), 403);
  t.same(await homeworkOf(s.cp.parents[0]!, s.cp.pupils[0]!), [], "the CP's family sees nothing of the CM2's cahier");
  // Friday evening: Monday's homework is for tomorrow, and "cette semaine" is the coming week.
  platform.clock.set('2026-11-27T17:00:00Z');
  const friday = await homeworkOf(pupil!, pupil!);
  t.same(Array.isArray(friday) && friday.map((h) => [h.title, h.bucket]), [['Exercices 3 et 4 page 42', 'today'], ['Poésie', 'tomorrow'], ['Exposé', 'later']]);
  platform.clock.set('2026-11-28T10:00:00Z');
  await write(s, { ...HOMEWORK, title: 'Mercredi', day: '2026-11-28', dueOn: '2026-12-02' });
  t.match(await homeworkOf(pupil!, pupil!), [{ title: 'Poésie', bucket: 'tomorrow' }, { title: 'Mercredi', bucket: 'week' }, { title: 'Exposé', bucket: 'later' }]);
});

t.test('homework published later is invisible to families (list, ticks, badge, timeline) until its time, then announced once', async (t) => {
  const s = await textbookSchool(platform);
  const [pupil] = s.cm2.pupils;
  const parent = s.cm2.parents[0]!;
  const later = await write(s, { ...HOMEWORK, title: 'Préparé dimanche', dueOn: '2026-12-01', publishAt: '2026-11-30T15:30:00Z' });
  const staff = (await platform.as(s.teacher).inject(`/api/textbook/entries/${later.id}`)).json();
  t.match(staff, { published: false, publishAt: '2026-11-30T15:30:00.000Z' }, 'the teacher sees it, marked unpublished');
  t.same(await homeworkOf(parent, pupil!), []);
  t.equal((await tick(parent, later.id, pupil!)).statusCode, 404, 'nobody ticks what is not out');
  await platform.runScheduledJobs();
  t.same(await timeline(parent), [], 'no announcement before its time');
  platform.clock.set('2026-11-30T15:31:00Z');
  t.match(await homeworkOf(parent, pupil!), [{ title: 'Préparé dimanche', bucket: 'tomorrow' }]);
  t.ok((await platform.runScheduledJobs()) >= 1);
  t.same(await timeline(parent), ['Préparé dimanche'], 'announced at its publication time');
  t.same(await timeline(pupil!), ['Préparé dimanche']);
  await platform.runScheduledJobs();
  t.same(await timeline(parent), ['Préparé dimanche'], 'and only once');
  t.same(await timeline(s.cp.parents[0]!), [], 'not to another class');
});

t.test('differentiated homework is seen only by the chosen pupils and their families', async (t) => {
  const s = await textbookSchool(platform);
  const [chosen, other] = s.cm2.pupils;
  const refused = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/entries`, payload: { ...HOMEWORK, pupilIds: [s.cp.pupils[0]!.id] } });
  t.equal(refused.statusCode, 400);
  t.equal(refused.json().code, 'TEXTBOOK_ERR_PUPILS');
  const entry = await write(s, { ...HOMEWORK, title: 'Soutien', pupilIds: [chosen!.id] });
  t.match(await homeworkOf(s.cm2.parents[0]!, chosen!), [{ title: 'Soutien', differentiated: true }]);
  t.same(await homeworkOf(s.cm2.parents[1]!, other!), []);
  t.equal((await tick(other!, entry.id, other!)).statusCode, 404);
  t.same(await timeline(s.cm2.parents[1]!), [], 'the others are not told');
  t.same(await timeline(s.cm2.parents[0]!), ['Soutien']);
  const progress = (await platform.as(s.teacher).inject(`/api/textbook/entries/${entry.id}/progress`)).json();
  t.match(progress, { count: 0, of: 1, pupils: [{ id: chosen!.id, done: null }] });
});

t.test('a pupil ticks their own homework and a parent their child’s; the teacher sees who did; late ticks are marked', async (t) => {
  const s = await textbookSchool(platform);
  const [first, second, third] = s.cm2.pupils;
  const entry = await write(s, HOMEWORK);
  const own = await tick(first!, entry.id, first!);
  t.equal(own.statusCode, 201);
  t.match(own.json(), { by: { id: first!.id }, late: false });
  t.equal((await tick(first!, entry.id, first!)).statusCode, 200, 'ticking twice keeps the first tick');
  t.equal((await tick(first!, entry.id, second!)).statusCode, 403, 'a pupil ticks only their own');
  t.equal((await tick(s.cm2.parents[0]!, entry.id, second!)).statusCode, 403, 'a parent only for their own child');
  t.equal((await tick(s.cm2.parents[1]!, entry.id, second!)).statusCode, 201);
  t.equal((await tick(s.teacher, entry.id, first!)).statusCode, 403, 'a teacher does not tick for a pupil');
  platform.clock.set('2026-11-28T09:00:00Z');
  const late = await tick(s.cm2.parents[2]!, entry.id, third!);
  t.match(late.json(), { late: true }, 'after the due date the tick is kept, marked late');
  const progress = (await platform.as(s.teacher).inject(`/api/textbook/entries/${entry.id}/progress`)).json();
  t.match(progress, { count: 3, of: 5 });
  t.match(progress.pupils.find((p: { id: number }) => p.id === second!.id), { done: { by: { id: s.cm2.parents[1]!.id } } });
  const book = (await platform.as(s.teacher).inject(`/api/textbook/classes/${s.cm2.id}/entries?from=2026-11-23`)).json();
  t.match(book.entries[0], { done: { count: 3, of: 5 } });
  t.equal((await platform.as(s.otherTeacher).inject(`/api/textbook/entries/${entry.id}/progress`)).statusCode, 404);
  t.equal((await platform.as(s.cm2.parents[0]!).inject(`/api/textbook/entries/${entry.id}/progress`)).statusCode, 404);
  t.equal((await tick(first!, entry.id, first!, 'DELETE')).statusCode, 204, 'a pupil unticks');
  t.match((await platform.as(s.teacher).inject(`/api/textbook/entries/${entry.id}/progress`)).json(), { count: 2 });
});

t.test('the school can keep the tick for parents only (the tick right)', async (t) => {
  const s = await textbookSchool(platform);
  const entry = await write(s, HOMEWORK);
  const [pupil] = s.cm2.pupils;
  const changed = await platform.as(s.director).inject({ method: 'PUT', url: `/api/core/schools/${s.schoolId}/rights/textbook/tick`, payload: { profiles: ['Relative'] } });
  t.equal(changed.statusCode, 200, changed.body);
  const refused = await tick(pupil!, entry.id, pupil!);
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'TEXTBOOK_ERR_TICK');
  t.match((await platform.as(pupil!).inject(`/api/textbook/pupils/${pupil!.id}/homework`)).json(), { mayTick: false });
  t.equal((await tick(s.cm2.parents[0]!, entry.id, pupil!)).statusCode, 201);
});

t.test('a parent of three children sees each one’s homework at once, and the badge counts what is due tomorrow not ticked', async (t) => {
  const s = await textbookSchool(platform);
  const parent = s.cm2.parents[0]!;
  await platform.linkRelative(parent, s.cp.pupils[0]!);
  const ce1 = await platform.createClass({ school: s.school, label: 'CE1', teachers: [s.teacher], pupils: 1 });
  await platform.linkRelative(parent, ce1.pupils[0]!);
  const cm2Homework = await write(s, HOMEWORK);
  await write(s, { ...HOMEWORK, title: 'Lecture CE1' }, ce1.id);
  await write(s, { ...HOMEWORK, title: 'Plus tard', dueOn: '2026-12-04' });
  const family = (await platform.as(parent).inject('/api/textbook/family/homework')).json();
  t.equal(family.length, 3);
  const byPupil = new Map(family.map((c: { pupil: { id: number }; homework: { title: string }[] }) => [c.pupil.id, c.homework.map((h) => h.title)]));
  t.same(byPupil.get(s.cm2.pupils[0]!.id), ['Exercices 3 et 4 page 42', 'Plus tard']);
  t.same(byPupil.get(ce1.pupils[0]!.id), ['Lecture CE1']);
  t.same(byPupil.get(s.cp.pupils[0]!.id), []);
  const badge = async () => (await platform.as(parent).inject('/api/core/apps')).json().find((a: { name: string }) => a.name === 'textbook').badge;
  t.match(await badge(), { count: 2, byChild: { [s.cm2.pupils[0]!.id]: 1, [ce1.pupils[0]!.id]: 1 } });
  await tick(parent, cm2Homework.id, s.cm2.pupils[0]!);
  t.match(await badge(), { count: 1 });
});

t.test('a pupil who moves class sees the new class’s cahier and keeps their ticks', async (t) => {
  const s = await textbookSchool(platform);
  const [pupil] = s.cm2.pupils;
  const cm2Work = await write(s, HOMEWORK);
  await tick(pupil!, cm2Work.id, pupil!);
  const cpResponse = await platform.as(s.otherTeacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cp.id}/entries`, payload: { ...HOMEWORK, title: 'Travail du CP' } });
  t.equal(cpResponse.statusCode, 201);
  await platform.movePupil(pupil!, { from: s.cm2.id, to: s.cp.id });
  t.match(await homeworkOf(s.cm2.parents[0]!, pupil!), [{ title: 'Travail du CP' }]);
  t.equal((await platform.knex('textbook.ticks').where({ pupil_id: pupil!.id })).length, 1, 'the tick stays');
});

t.test('last year’s cahier is kept read-only as the archive, and copied into this year’s class', async (t) => {
  const s = await textbookSchool(platform);
  const old = await platform.createClass({ school: s.school, label: 'CM2 2025-2026', startYear: 2025, teachers: [s.teacher] });
  const [entry] = await platform.knex('textbook.entries').insert({
    school_id: s.schoolId, class_id: old.id, kind: 'session', subject: 'Français', title: 'Les accords', body: '<p>Accords.</p>', day: '2026-03-10',
    visible_at: new Date('2026-03-10T08:00:00Z'), author_id: s.teacher.id, author_name: 'BÉRANGER Louise', created_at: new Date('2026-03-10T08:00:00Z'), updated_at: new Date('2026-03-10T08:00:00Z'),
  }).returning('id');
  const classes = (await platform.as(s.teacher).inject('/api/textbook/classes')).json();
  t.match(classes.archive, [{ id: old.id, current: false, mayWrite: false }]);
  t.same((await platform.as(s.otherTeacher).inject('/api/textbook/classes')).json().archive, [], 'not to a teacher who did not teach it');
  const book = await platform.as(s.teacher).inject(`/api/textbook/classes/${old.id}/entries?from=2026-03-09&to=2026-03-15`);
  t.match(book.json(), { current: false, mayWrite: false, entries: [{ title: 'Les accords' }] });
  const add = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${old.id}/entries`, payload: SESSION });
  t.equal(add.statusCode, 409);
  t.equal(add.json().code, 'TEXTBOOK_ERR_ARCHIVE');
  t.equal((await platform.as(s.teacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${entry.id}`, payload: { title: 'x' } })).statusCode, 409);
  const copy = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/entries/${entry.id}/copy`, payload: { classId: s.cm2.id, day: '2026-11-27' } });
  t.equal(copy.statusCode, 201);
  t.match(copy.json(), { classId: s.cm2.id, title: 'Les accords', day: '2026-11-27' });
});

t.test('the week prints as a PDF with only what families may see', async (t) => {
  const s = await textbookSchool(platform);
  await write(s, SESSION);
  await write(s, HOMEWORK);
  await write(s, { ...HOMEWORK, title: 'Secret de dimanche', publishAt: '2026-11-30T15:30:00Z', dueOn: '2026-12-01' });
  const response = await platform.as(s.director).inject(`/api/textbook/classes/${s.cm2.id}/textbook.pdf?from=2026-11-23&to=2026-11-29`);
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'application/pdf');
  t.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.load(response.rawPayload);
  t.equal(pdf.getTitle(), 'Cahier de textes — CM2 - Mme BÉRANGER');
  t.equal((await platform.as(s.cm2.parents[0]!).inject(`/api/textbook/classes/${s.cm2.id}/textbook.pdf`)).statusCode, 404);
  const tooLong = await platform.as(s.teacher).inject(`/api/textbook/classes/${s.cm2.id}/textbook.pdf?from=2026-01-01&to=2026-12-31`);
  t.equal(tooLong.statusCode, 400);
  t.equal(tooLong.json().code, 'TEXTBOOK_ERR_RANGE');
});

t.test("calendars show homework on the day it is due: a family its child's, the teacher their class's, nobody else", async (t) => {
  const s = await textbookSchool(platform);
  const homework = await write(s, HOMEWORK);
  const datedItems = async (user: TestUser, from = '2026-11-23', to = '2026-11-29') => (await platform.as(user).inject(`/api/core/dated-items?from=${from}&to=${to}`)).json();
  t.match(await datedItems(s.cm2.parents[0]!), [{ app: 'textbook', title: { fr: 'Cahier de textes' }, items: [{ title: 'Mathématiques : Exercices 3 et 4 page 42', day: '2026-11-27', url: `/apps/textbook/homework/${homework.id}` }] }]);
  t.match(await datedItems(s.cm2.pupils[0]!), [{ items: [{ day: '2026-11-27' }] }], 'the pupil too');
  t.match(await datedItems(s.teacher), [{ items: [{ title: 'CM2 - Mme BÉRANGER · Mathématiques : Exercices 3 et 4 page 42', day: '2026-11-27' }] }]);
  for (const outsider of [s.cp.parents[0]!, s.foreignParent, s.foreignTeacher, s.otherTeacher]) t.same(await datedItems(outsider), [], 'not for another class or school');
  t.same(await datedItems(s.cm2.parents[0]!, '2026-11-28', '2026-12-05'), [], 'outside the window');
  const wrong = await platform.as(s.teacher).inject('/api/core/dated-items?from=2026-11-29&to=2026-11-23');
  t.equal(wrong.statusCode, 400);
  t.match(wrong.json(), { code: 'PREAU_ERR_DATED_ITEMS_WINDOW', message: /Période incorrecte/ });
});
