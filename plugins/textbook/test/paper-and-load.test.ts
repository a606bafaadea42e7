import t from 'tap';
import type { TestPlatform, TestUser } from '@preau/core/testing';
import { pageTexts } from './helpers/pdf-text.js';
import { HOMEWORK, textbookPlatform, textbookSchool, type TextbookSchool } from './helpers/school.js';

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

const sheets = async (user: TestUser, s: TextbookSchool, query = '?from=2026-11-23&to=2026-11-29') => platform.as(user).inject(`/api/textbook/classes/${s.cm2.id}/pupil-sheets.pdf${query}`);

t.test('one sheet per pupil lists their own homework only: the whole class’s, differentiated work for them, nothing published later', async (t) => {
  const s = await textbookSchool(platform);
  const [first, second] = s.cm2.pupils;
  await write(s, HOMEWORK);
  await write(s, { ...HOMEWORK, title: 'Soutien en calcul', pupilIds: [first!.id] });
  await write(s, { ...HOMEWORK, title: 'Défi lecture', subject: 'Français', pupilIds: [second!.id] });
  await write(s, { ...HOMEWORK, title: 'Secret de dimanche', dueOn: '2026-11-27', publishAt: '2026-11-27T15:30:00Z' });
  await write(s, { ...HOMEWORK, title: 'La semaine prochaine', dueOn: '2026-12-03' });
  const response = await sheets(s.teacher, s);
  t.equal(response.statusCode, 200, response.body);
  t.equal(response.headers['content-type'], 'application/pdf');
  t.match(response.headers['content-disposition'], /attachment; filename="travail-a-faire-\d+-2026-11-23\.pdf"/);
  const pages = await pageTexts(response.rawPayload);
  t.equal(pages.length, 5, 'a page for each of the five pupils');
  const pageOf = (pupil: TestUser) => pages.find((p) => p.startsWith(pupil.displayName))!;
  t.ok(pageOf(first!), 'each sheet starts with the pupil’s name');
  t.match(pageOf(first!), /Exercices 3 et 4 page 42/);
  t.match(pageOf(first!), /Soutien en calcul/);
  t.notMatch(pageOf(first!), /Défi lecture/, "never another pupil's differentiated work");
  t.match(pageOf(second!), /Défi lecture/);
  t.notMatch(pageOf(second!), /Soutien en calcul/);
  for (const page of pages) {
    t.notMatch(page, /Secret de dimanche/, 'homework published later is not printed');
    t.notMatch(page, /La semaine prochaine/, 'only what is due over the period');
  }
  t.match(pageOf(s.cm2.pupils[4]!), /Exercices 3 et 4 page 42/);

  // Once its time has come, it is on everyone's sheet.
  platform.clock.set('2026-11-27T15:31:00Z');
  const later = await pageTexts((await sheets(s.teacher, s)).rawPayload);
  t.ok(later.every((p) => /Secret de dimanche/.test(p)));
});

t.test('the sheets are for those who read the cahier: the class’s teachers and the direction', async (t) => {
  const s = await textbookSchool(platform);
  t.equal((await sheets(s.director, s)).statusCode, 200);
  for (const outsider of [s.otherTeacher, s.cm2.parents[0]!, s.cm2.pupils[0]!, s.foreignTeacher]) t.equal((await sheets(outsider, s)).statusCode, 404);
  const tooLong = await sheets(s.teacher, s, '?from=2026-01-01&to=2026-12-31');
  t.equal(tooLong.statusCode, 400);
  t.equal(tooLong.json().code, 'TEXTBOOK_ERR_RANGE');
});

t.test('homework changed after publication is marked « modifié » for families and they are told; a change before is not', async (t) => {
  const s = await textbookSchool(platform);
  const parent = s.cm2.parents[0]!;
  const [pupil] = s.cm2.pupils;
  const timeline = async (user: TestUser) => ((await platform.as(user).inject('/api/core/timeline?app=textbook')).json().items as { type: string; params: { title: string } }[]).map((i) => `${i.type}: ${i.params.title}`);
  const now = await write(s, HOMEWORK);
  const later = await write(s, { ...HOMEWORK, title: 'Préparé', dueOn: '2026-12-01', publishAt: '2026-11-30T15:30:00Z' });
  platform.clock.set('2026-11-26T10:00:00Z');
  await platform.as(s.teacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${later.id}`, payload: { title: 'Préparé et relu' } });
  const changed = await platform.as(s.teacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${now.id}`, payload: { title: 'Exercices 3, 4 et 5 page 42' } });
  t.equal(changed.statusCode, 200);
  const view = (await platform.as(parent).inject(`/api/textbook/pupils/${pupil!.id}/homework`)).json().homework;
  t.match(view, [{ title: 'Exercices 3, 4 et 5 page 42', changedAt: '2026-11-26T10:00:00.000Z' }]);
  t.same(await timeline(parent), ['homework-changed: Exercices 3, 4 et 5 page 42', 'homework: Exercices 3 et 4 page 42'], 'told of the change');
  t.same((await timeline(s.cp.parents[0]!)), [], 'not another class');
  platform.clock.set('2026-11-30T15:31:00Z');
  await platform.runScheduledJobs();
  const prepared = (await platform.as(parent).inject(`/api/textbook/pupils/${pupil!.id}/homework`)).json().homework;
  t.match(prepared.find((h: { id: number }) => h.id === later.id), { title: 'Préparé et relu', changedAt: null }, 'changed before publication: not marked');
  t.notOk((await timeline(parent)).includes('homework-changed: Préparé et relu'), 'nor told of a change nobody saw');
  const pdf = await pageTexts((await sheets(s.teacher, s, '?from=2026-11-23&to=2026-11-29')).rawPayload);
  t.match(pdf[0], /modifié le jeudi 26 novembre/, 'the paper sheet says it too');
});

t.test('the teacher sees the estimated time per due date, and per pupil when work is differentiated', async (t) => {
  const s = await textbookSchool(platform);
  const [first, second] = s.cm2.pupils;
  await write(s, HOMEWORK); // 20 min for Friday
  await write(s, { ...HOMEWORK, title: 'Poésie', subject: 'Français', minutes: 15 });
  await write(s, { ...HOMEWORK, title: 'Soutien', minutes: 10, pupilIds: [first!.id] });
  await write(s, { ...HOMEWORK, title: 'Défi', minutes: 25, pupilIds: [first!.id, second!.id] });
  await write(s, { ...HOMEWORK, title: 'Sans estimation', minutes: null, dueOn: '2026-11-30' });
  await write(s, { ...HOMEWORK, title: 'Dimanche', minutes: 5, dueOn: '2026-11-30', publishAt: '2026-11-29T15:30:00Z' });
  const response = await platform.as(s.teacher).inject(`/api/textbook/classes/${s.cm2.id}/workload?from=2026-11-23&to=2026-12-06`);
  t.equal(response.statusCode, 200, response.body);
  t.same(response.json(), {
    from: '2026-11-23', to: '2026-12-06',
    days: [
      { dueOn: '2026-11-27', wholeClass: { minutes: 35, count: 2, unestimated: 0 }, pupils: [
        { id: first!.id, displayName: first!.displayName, minutes: 70, count: 4, unestimated: 0 },
        { id: second!.id, displayName: second!.displayName, minutes: 60, count: 3, unestimated: 0 },
      ] },
      { dueOn: '2026-11-30', wholeClass: { minutes: 5, count: 2, unestimated: 1 }, pupils: [] },
    ],
  });
  t.equal((await platform.as(s.otherTeacher).inject(`/api/textbook/classes/${s.cm2.id}/workload`)).statusCode, 404);
  t.equal((await platform.as(s.cm2.parents[0]!).inject(`/api/textbook/classes/${s.cm2.id}/workload`)).statusCode, 404);
});

t.test('the director lists the teachers who may replace in a class, names one and takes them off', async (t) => {
  const s = await textbookSchool(platform);
  const substitute = await platform.createUser({ profile: 'Teacher', schools: [s.school], displayName: 'ÉTIENNE Zoé' });
  const candidates = await platform.as(s.director).inject(`/api/textbook/classes/${s.cm2.id}/replacement-candidates`);
  t.equal(candidates.statusCode, 200, candidates.body);
  const names = candidates.json().map((c: { displayName: string }) => c.displayName);
  t.notOk(names.includes(s.teacher.displayName), 'not the class’s own teacher');
  t.ok(names.includes('ÉTIENNE Zoé') && names.includes('ROUX Marc'));
  t.ok(names.indexOf('DIRECTION Paul') < names.indexOf('ÉTIENNE Zoé') && names.indexOf('ÉTIENNE Zoé') < names.indexOf('ROUX Marc'), 'in French order (É with E)');
  t.equal((await platform.as(s.director).inject({ method: 'PUT', url: `/api/textbook/classes/${s.cm2.id}/replacements/${substitute.id}` })).statusCode, 204);
  t.match((await platform.as(s.director).inject(`/api/textbook/classes/${s.cm2.id}/replacements`)).json(), [{ teacher: { id: substitute.id } }]);
  t.notOk((await platform.as(s.director).inject(`/api/textbook/classes/${s.cm2.id}/replacement-candidates`)).json().some((c: { id: number }) => c.id === substitute.id), 'a named one is no longer a candidate');
  const refused = await platform.as(s.teacher).inject(`/api/textbook/classes/${s.cm2.id}/replacement-candidates`);
  t.equal(refused.statusCode, 403);
  t.equal((await platform.as(s.foreignTeacher).inject(`/api/textbook/classes/${s.cm2.id}/replacement-candidates`)).statusCode, 404);
});
