import t from 'tap';
import type { DemoContext } from '@preau/sdk';
import { textbookPlatform } from './helpers/school.js';

t.test("the demo's classes have this week's cahier: a parent sees « Pour demain », the teacher 1/N fait, the director signs, the week prints", async (t) => {
  const platform = await textbookPlatform();
  t.teardown(() => platform.close());
  // Tuesday 24 November 2026, 18:00 in Paris: the evening question.
  platform.clock.set('2026-11-24T17:00:00Z');
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'DIRECTION Paul', functions: [{ function: 'director', schoolId: school.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'ROUX Marc' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [director], pupils: 4, relativesPerPupil: 1 });
  const cp = await platform.createClass({ school, label: 'CP', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const context: DemoContext = { schoolId: school.id, director: director.id, teachers: [{ id: director.id, classId: cm2.id }, { id: teacher.id, classId: cp.id }], now: platform.clock.now() };
  const record = platform.platform.plugins.get('textbook')!;
  await record.manifest!.demo!(context, record.services!);

  const parent = cm2.relatives[0]![0]!;
  const mine = (await platform.as(parent).inject(`/api/textbook/pupils/${cm2.pupils[0]!.id}/homework`)).json();
  const tomorrow = mine.homework.filter((h: { bucket: string }) => h.bucket === 'tomorrow');
  t.ok(tomorrow.length >= 1, 'homework for tomorrow (Wednesday off: Thursday)');
  t.notOk(mine.homework.some((h: { title: string }) => h.title === 'Tables de multiplication de 7'), "next Monday's homework is not out yet");
  const sessions = (await platform.as(parent).inject(`/api/textbook/pupils/${cm2.pupils[0]!.id}/sessions`)).json();
  t.ok(sessions.length >= 2, "and the last days' séances");

  const week = (await platform.as(director).inject(`/api/textbook/classes/${cm2.id}/entries`)).json();
  const ticked = week.entries.find((e: { done: { count: number } | null }) => e.done && e.done.count === 1);
  t.match(ticked, { done: { count: 1, of: 4 } }, 'the teacher sees 1/4 fait');
  t.equal((await platform.as(director).inject({ method: 'POST', url: `/api/textbook/classes/${cp.id}/visas`, payload: { note: 'Vu.' } })).statusCode, 201, 'the director signs the CP');
  const pdf = await platform.as(director).inject(`/api/textbook/classes/${cp.id}/textbook.pdf`);
  t.equal(pdf.statusCode, 200);
  t.equal(pdf.headers['content-type'], 'application/pdf');

  const before = (await platform.knex('textbook.entries').where({ school_id: school.id })).length;
  await record.manifest!.demo!(context, record.services!);
  t.equal((await platform.knex('textbook.entries').where({ school_id: school.id })).length, before, 'run twice, the demo adds nothing more');
});
