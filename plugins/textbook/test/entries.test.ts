import t from 'tap';
import type { TestPlatform } from '@preau/core/testing';
import { HOMEWORK, SESSION, textbookPlatform, textbookSchool, type TextbookSchool } from './helpers/school.js';

// One real Préau for the file (PGlite, or PostgreSQL with PREAU_TEST_DATABASE=postgres); a fresh school per test.
let platform: TestPlatform;
t.before(async () => {
  platform = await textbookPlatform();
});
t.teardown(() => platform.close());

const entriesOf = (classId: number) => `/api/textbook/classes/${classId}/entries`;
const write = (s: TextbookSchool, payload: object, user = s.teacher, classId = s.cm2.id) =>
  platform.as(user).inject({ method: 'POST', url: entriesOf(classId), payload });
const stored = (classId: number) => platform.knex('textbook.entries').where({ class_id: classId });

t.test('a teacher writes a séance and a homework in their class, stored sanitized with their name', async (t) => {
  const s = await textbookSchool(platform);
  const session = await write(s, SESSION);
  t.equal(session.statusCode, 201, session.body);
  t.match(session.json(), { kind: 'session', subject: 'Français', day: '2026-11-26', dueOn: null, published: true, author: { id: s.teacher.id, displayName: 'BÉRANGER Louise' }, done: null, locked: false });
  const homework = await write(s, HOMEWORK);
  t.equal(homework.statusCode, 201, homework.body);
  const body = homework.json();
  t.match(body, { kind: 'homework', dueOn: '2026-11-27', minutes: 20, done: { count: 0, of: 5 } });
  t.notMatch(body.body, /script|onerror/, 'the rich text is sanitized on the server');
  t.match(body.body, /<strong>3 et 4<\/strong>/);
  const week = await platform.as(s.teacher).inject(`${entriesOf(s.cm2.id)}?from=2026-11-23&to=2026-11-29`);
  t.equal(week.statusCode, 200);
  t.match(week.json(), { class: { id: s.cm2.id, label: 'CM2 - Mme BÉRANGER' }, current: true, mayWrite: true, mayVisa: false });
  t.same(week.json().entries.map((e: { kind: string }) => e.kind), ['session', 'homework'], 'a day lists its séances before its homework');
});

t.test('homework due before the day it is given, or a séance with a due date, is refused in French and nothing is written', async (t) => {
  const s = await textbookSchool(platform);
  const early = await write(s, { ...HOMEWORK, dueOn: '2026-11-25' });
  t.equal(early.statusCode, 400);
  t.match(early.json(), { code: 'TEXTBOOK_ERR_DATES', message: /antérieur/ });
  const noDue = await write(s, { ...HOMEWORK, dueOn: null });
  t.match(noDue.json(), { code: 'TEXTBOOK_ERR_DATES', message: /pour quel jour/ });
  const sessionDue = await write(s, { ...SESSION, dueOn: '2026-11-27' });
  t.equal(sessionDue.statusCode, 400);
  for (const payload of [{ ...HOMEWORK, subject: '' }, { ...HOMEWORK, day: 'jeudi' }, { ...HOMEWORK, extra: 1 }, { ...HOMEWORK, minutes: 601 }]) {
    const response = await write(s, payload);
    t.equal(response.statusCode, 400, JSON.stringify(payload));
    t.equal(response.json().code, 'PREAU_ERR_VALIDATION');
  }
  t.same(await stored(s.cm2.id), []);
});

t.test("a teacher cannot write in another class's cahier, nor read it; the director reads every class but writes in none", async (t) => {
  const s = await textbookSchool(platform);
  const other = await write(s, HOMEWORK, s.otherTeacher);
  t.equal(other.statusCode, 404);
  t.equal(other.json().code, 'TEXTBOOK_ERR_CLASS_NOT_FOUND');
  t.equal((await platform.as(s.otherTeacher).inject(entriesOf(s.cm2.id))).statusCode, 404);
  t.equal((await write(s, HOMEWORK, s.foreignTeacher)).statusCode, 404, 'a teacher of another school gets 404');
  const director = await write(s, HOMEWORK, s.director);
  t.equal(director.statusCode, 403);
  t.equal(director.json().code, 'TEXTBOOK_ERR_NOT_CLASS_TEACHER');
  const read = await platform.as(s.director).inject(entriesOf(s.cm2.id));
  t.equal(read.statusCode, 200);
  t.match(read.json(), { mayWrite: false, mayVisa: true });
  const parent = await write(s, HOMEWORK, s.cm2.parents[0]);
  t.equal(parent.statusCode, 403, 'a parent does not hold the write right');
  t.equal((await platform.as(s.cm2.parents[0]!).inject(entriesOf(s.cm2.id))).statusCode, 404);
  t.same(await stored(s.cm2.id), []);
});

t.test('a replacement teacher the director names writes in the class, and stops when removed', async (t) => {
  const s = await textbookSchool(platform);
  const url = `/api/textbook/classes/${s.cm2.id}/replacements/${s.otherTeacher.id}`;
  t.equal((await platform.as(s.teacher).inject({ method: 'PUT', url })).statusCode, 403, 'the class teacher does not name replacements');
  t.equal((await platform.as(s.director).inject({ method: 'PUT', url: `/api/textbook/classes/${s.cm2.id}/replacements/${s.foreignTeacher.id}` })).statusCode, 403, 'only a teacher of the school');
  t.equal((await platform.as(s.director).inject({ method: 'PUT', url })).statusCode, 204);
  const written = await write(s, HOMEWORK, s.otherTeacher);
  t.equal(written.statusCode, 201);
  t.match(written.json(), { author: { displayName: 'ROUX Marc' } }, 'each entry says who wrote it');
  const classes = (await platform.as(s.otherTeacher).inject('/api/textbook/classes')).json();
  t.same(classes.classes.map((c: { id: number }) => c.id).sort(), [s.cm2.id, s.cp.id].sort());
  t.match((await platform.as(s.teacher).inject(`/api/textbook/classes/${s.cm2.id}/replacements`)).json(), [{ teacher: { id: s.otherTeacher.id } }]);
  t.equal((await platform.as(s.director).inject({ method: 'DELETE', url })).statusCode, 204);
  t.equal((await write(s, HOMEWORK, s.otherTeacher)).statusCode, 404);
});

t.test('a teacher edits and deletes an entry; an entry written before the visa is locked, a later one is not', async (t) => {
  const s = await textbookSchool(platform);
  const first = (await write(s, HOMEWORK)).json();
  const edited = await platform.as(s.teacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${first.id}`, payload: { title: 'Exercice 5 page 43', body: '<p>Ex. 5</p><iframe src="x"></iframe>' } });
  t.equal(edited.statusCode, 200, edited.body);
  t.match(edited.json(), { title: 'Exercice 5 page 43', body: '<p>Ex. 5</p>', dueOn: '2026-11-27' });
  t.ok(edited.json().editedAt);
  t.equal((await platform.as(s.otherTeacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${first.id}`, payload: { title: 'x' } })).statusCode, 404);

  platform.clock.advance(60_000);
  const visa = await platform.as(s.director).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/visas`, payload: { note: 'Cahier bien tenu.' } });
  t.equal(visa.statusCode, 201);
  t.match(visa.json(), { by: { id: s.director.id }, note: 'Cahier bien tenu.' });
  t.equal((await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/visas`, payload: {} })).statusCode, 403, 'a teacher does not sign');
  platform.clock.advance(60_000);
  const locked = await platform.as(s.teacher).inject({ method: 'PATCH', url: `/api/textbook/entries/${first.id}`, payload: { title: 'Changé' } });
  t.equal(locked.statusCode, 409);
  t.match(locked.json(), { code: 'TEXTBOOK_ERR_LOCKED', message: /visé le jeudi 26 novembre/ });
  t.equal((await platform.as(s.teacher).inject({ method: 'DELETE', url: `/api/textbook/entries/${first.id}` })).statusCode, 409);
  const later = (await write(s, SESSION)).json();
  t.equal(later.locked, false);
  t.equal(later.afterVisa, true, 'written after the visa for a day it covered: marked');
  const book = (await platform.as(s.teacher).inject(entriesOf(s.cm2.id))).json();
  t.match(book, { lastVisa: { note: 'Cahier bien tenu.' } });
  t.same(book.entries.map((e: { locked: boolean }) => e.locked), [false, true]);
  t.equal((await platform.as(s.teacher).inject({ method: 'DELETE', url: `/api/textbook/entries/${later.id}` })).statusCode, 204);
  t.equal((await stored(s.cm2.id)).length, 1);
});

t.test('a teacher copies an entry to another day and to another class they teach, never into one they do not', async (t) => {
  const s = await textbookSchool(platform);
  const both = await platform.createClass({ school: s.school, label: 'CM1 - Mme BÉRANGER', teachers: [s.teacher], pupils: 1 });
  const entry = (await write(s, HOMEWORK)).json();
  const copy = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/entries/${entry.id}/copy`, payload: { classId: both.id, day: '2026-11-30', dueOn: '2026-12-01' } });
  t.equal(copy.statusCode, 201, copy.body);
  t.match(copy.json(), { classId: both.id, day: '2026-11-30', dueOn: '2026-12-01', title: HOMEWORK.title });
  const refused = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/entries/${entry.id}/copy`, payload: { classId: s.cp.id, day: '2026-11-30' } });
  t.equal(refused.statusCode, 404);
  t.equal((await stored(s.cp.id)).length, 0);
});
