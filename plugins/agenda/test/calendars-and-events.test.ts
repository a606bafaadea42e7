import t from 'tap';
import { createTestPlatform, fileUpload, type TestPlatform, type TestUser } from '@preau/core/testing';
import plugin from '../src/index.js';

// One real Préau for the whole file (PGlite, or PostgreSQL with PREAU_TEST_DATABASE=postgres).
let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [plugin] });
});
t.teardown(() => platform.close());

interface Calendar { id: number; kind: string; classId: number | null; name: string; role: string }
interface Occurrence { id: string; eventId: number; calendarId: number; title: string; start: string; end: string; startsAt: string; endsAt: string; occurrence: string | null; canEdit: boolean; description: string }

const calendarsOf = async (user: TestUser) => (await platform.as(user).inject('/api/agenda/calendars')).json() as Calendar[];
const window = async (user: TestUser, from: string, to: string, extra = '') => {
  const response = await platform.as(user).inject(`/api/agenda/events?from=${from}&to=${to}${extra}`);
  return response.json() as { occurrences: Occurrence[]; nextCursor: string | null };
};

async function school() {
  const s = await platform.createSchool();
  const director = await platform.createUser({ profile: 'Teacher', schools: [s], functions: [{ function: 'director', schoolId: s.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const cm2 = await platform.createClass({ school: s, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const other = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const ce1 = await platform.createClass({ school: s, label: 'CE1', teachers: [other], pupils: 1, relativesPerPupil: 1 });
  return { s, director, teacher, cm2, other, ce1, parent: cm2.relatives[0]![0]!, pupil: cm2.pupils[0]!, otherParent: ce1.relatives[0]![0]! };
}

t.test('a class calendar is managed by its teachers, read by its pupils and parents; the school calendar by the director', async (t) => {
  const { director, teacher, cm2, parent, pupil, otherParent } = await school();
  const byTeacher = await calendarsOf(teacher);
  t.match(byTeacher.find((c) => c.kind === 'class'), { classId: cm2.id, name: 'CM2', role: 'manage' });
  t.match(byTeacher.find((c) => c.kind === 'school'), { role: 'read' });
  const byParent = await calendarsOf(parent);
  t.same(byParent.map((c) => [c.kind, c.role]), [['school', 'read'], ['class', 'read']], "a parent reads the school's and the child's class calendar");
  t.same((await calendarsOf(pupil)).map((c) => c.kind), ['school', 'class']);
  t.notOk((await calendarsOf(otherParent)).some((c) => c.classId === cm2.id), "another class's parent does not see the CM2 calendar");
  t.match((await calendarsOf(director)).find((c) => c.kind === 'school'), { role: 'manage' });
  // The director, who does not teach the CM2, manages its sharing too (the core knows the calendar's school).
  const classCalendar = byTeacher.find((c) => c.kind === 'class')!;
  t.equal((await platform.as(director).inject(`/api/core/shares/agenda/calendar/${classCalendar.id}`)).statusCode, 200, "the director opens the class calendar's share dialog");
  t.equal((await platform.as(parent).inject(`/api/core/shares/agenda/calendar/${classCalendar.id}`)).statusCode, 403, 'a parent who reads it may not');
});

t.test('a parent added to the class reads its calendar at once, and an event of a calendar one cannot read never shows', async (t) => {
  const { s, teacher, cm2, otherParent } = await school();
  const classCalendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  const created = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: classCalendar.id, title: 'Sortie à Londres', description: '<p>Prévoir le <strong>passeport</strong></p><script>alert(1)</script>',
    place: 'Londres', allDay: true, start: '2026-12-10', end: '2026-12-11',
  } });
  t.equal(created.statusCode, 201, created.body);
  t.match(created.json(), { title: 'Sortie à Londres', allDay: true, start: '2026-12-10', end: '2026-12-11', description: '<p>Prévoir le <strong>passeport</strong></p>' });
  t.notMatch(created.json().description, /script/);

  const eventId = created.json().eventId as number;
  t.equal((await platform.as(otherParent).inject(`/api/agenda/events/${eventId}`)).statusCode, 404, 'another class parent gets 404');
  t.same((await window(otherParent, '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z')).occurrences.filter((o) => o.eventId === eventId), []);
  const newParent = await platform.createUser({ profile: 'Relative', schools: [s] });
  await platform.linkRelative(newParent, cm2.pupils[1]!);
  const seen = await window(newParent, '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z');
  t.match(seen.occurrences, [{ eventId, title: 'Sortie à Londres', canEdit: false }], 'the new parent reads it at once');
  const refused = await platform.as(newParent).inject({ method: 'PUT', url: `/api/agenda/events/${eventId}`, payload: { title: 'x', start: '2026-12-10', end: '2026-12-10', allDay: true } });
  t.equal(refused.statusCode, 403);
  t.match(refused.json(), { code: 'AGENDA_ERR_ROLE', message: /Votre rôle/ });
});

t.test('a weekly 08:30 event stays at 08:30 Paris time across the October and March changes', async (t) => {
  const { teacher } = await school();
  const calendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  const created = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Piscine', start: '2026-09-03T08:30', end: '2026-09-03T09:30',
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TH'] },
  } });
  t.equal(created.statusCode, 201, created.body);
  const { occurrences } = await window(teacher, '2026-10-20T00:00:00Z', '2026-11-06T00:00:00Z');
  t.same(occurrences.map((o) => [o.start, o.startsAt]), [
    ['2026-10-22T08:30', '2026-10-22T06:30:00.000Z'],
    ['2026-10-29T08:30', '2026-10-29T07:30:00.000Z'],
    ['2026-11-05T08:30', '2026-11-05T07:30:00.000Z'],
  ], 'summer time then winter time, always 08:30 on the wall');
  const march = await window(teacher, '2027-03-20T00:00:00Z', '2027-04-03T00:00:00Z');
  t.same(march.occurrences.map((o) => o.startsAt), ['2027-03-25T07:30:00.000Z', '2027-04-01T06:30:00.000Z']);
});

t.test('a series without end is expanded only over the window, and pages follow a keyset cursor', async (t) => {
  const { teacher } = await school();
  const calendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Chorale', start: '2026-01-05T16:00', end: '2026-01-05T17:00', recurrence: { frequency: 'daily', interval: 1 },
  } });
  const first = await window(teacher, '2030-01-01T00:00:00Z', '2030-02-01T00:00:00Z', '&limit=20');
  t.equal(first.occurrences.length, 20);
  t.equal(first.occurrences[0]!.start, '2030-01-01T16:00');
  const second = await window(teacher, '2030-01-01T00:00:00Z', '2030-02-01T00:00:00Z', `&limit=20&cursor=${first.nextCursor}`);
  t.same(second.occurrences.map((o) => o.start.slice(0, 10)), Array.from({ length: 11 }, (_, i) => `2030-01-${String(21 + i).padStart(2, '0')}`));
  t.equal(second.nextCursor, null);
  const tooLong = await platform.as(teacher).inject('/api/agenda/events?from=2026-01-01T00:00:00Z&to=2030-01-01T00:00:00Z');
  t.equal(tooLong.statusCode, 400);
  t.match(tooLong.json(), { code: 'AGENDA_ERR_WINDOW', message: /période/ });
});

t.test('one occurrence, this and the following, and the whole series are changed or deleted', async (t) => {
  const { teacher, parent } = await school();
  const calendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  const created = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Piscine', start: '2026-10-01T08:30', end: '2026-10-01T09:30',
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TH'], count: 8 },
  } });
  const id = created.json().eventId as number;
  const starts = async () => (await window(parent, '2026-09-01T00:00:00Z', '2027-01-01T00:00:00Z')).occurrences.map((o) => `${o.start} ${o.title}`);
  t.equal((await starts()).length, 8);

  const one = await platform.as(teacher).inject({ method: 'PUT', url: `/api/agenda/events/${id}`, payload: {
    title: 'Piscine (bus en retard)', start: '2026-10-08T09:00', end: '2026-10-08T10:00', scope: 'this', occurrence: '2026-10-08T08:30',
  } });
  t.equal(one.statusCode, 200, one.body);
  t.match(one.json(), { seriesId: id, occurrence: '2026-10-08T08:30', start: '2026-10-08T09:00' });

  // Across the end of summer time (25 October): the new part keeps 08:30 on the wall.
  const following = await platform.as(teacher).inject({ method: 'PUT', url: `/api/agenda/events/${id}`, payload: {
    title: 'Piscine (nouveau bassin)', start: '2026-10-22T08:45', end: '2026-10-22T09:45', scope: 'following', occurrence: '2026-10-22T08:30',
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TH'], count: 8 },
  } });
  t.equal(following.statusCode, 200, following.body);
  t.not(following.json().eventId, id);
  t.same(await starts(), [
    '2026-10-01T08:30 Piscine', '2026-10-08T09:00 Piscine (bus en retard)', '2026-10-15T08:30 Piscine',
    '2026-10-22T08:45 Piscine (nouveau bassin)', '2026-10-29T08:45 Piscine (nouveau bassin)', '2026-11-05T08:45 Piscine (nouveau bassin)',
    '2026-11-12T08:45 Piscine (nouveau bassin)', '2026-11-19T08:45 Piscine (nouveau bassin)',
  ], 'the series ends before, the new one keeps the occurrences that were left');
  const late = (await window(parent, '2026-10-29T00:00:00Z', '2026-10-30T00:00:00Z')).occurrences[0]!;
  t.equal(late.startsAt, '2026-10-29T07:45:00.000Z', '08:45 in winter time');

  const newId = following.json().eventId as number;
  const deleteOne = await platform.as(teacher).inject({ method: 'DELETE', url: `/api/agenda/events/${newId}?scope=this&occurrence=2026-11-05T08:45` });
  t.equal(deleteOne.statusCode, 204);
  const deleteFollowing = await platform.as(teacher).inject({ method: 'DELETE', url: `/api/agenda/events/${newId}?scope=following&occurrence=2026-11-19T08:45` });
  t.equal(deleteFollowing.statusCode, 204);
  t.same((await starts()).slice(3), ['2026-10-22T08:45 Piscine (nouveau bassin)', '2026-10-29T08:45 Piscine (nouveau bassin)', '2026-11-12T08:45 Piscine (nouveau bassin)']);

  const wrong = await platform.as(teacher).inject({ method: 'DELETE', url: `/api/agenda/events/${id}?scope=this&occurrence=2026-10-02T08:30` });
  t.equal(wrong.statusCode, 404);
  t.match(wrong.json(), { code: 'AGENDA_ERR_OCCURRENCE' });

  // The whole series from one of its occurrences: every occurrence moves as that one did, none is lost.
  const whole = await platform.as(teacher).inject({ method: 'PUT', url: `/api/agenda/events/${id}`, payload: {
    title: 'Piscine', start: '2026-10-15T08:15', end: '2026-10-15T09:15', scope: 'all', occurrence: '2026-10-15T08:30',
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TH'], count: 3 },
  } });
  t.equal(whole.statusCode, 200, whole.body);
  t.same((await starts()).slice(0, 3), ['2026-10-01T08:15 Piscine', '2026-10-08T09:00 Piscine (bus en retard)', '2026-10-15T08:15 Piscine']);

  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/agenda/events/${id}` })).statusCode, 204);
  t.same((await starts()).slice(0, 1), ['2026-10-22T08:45 Piscine (nouveau bassin)'], 'the whole first series is gone, with its changed occurrence');
});

t.test('bad dates and rules are refused in French and write nothing', async (t) => {
  const { teacher } = await school();
  const calendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  const before = await platform.knex('agenda.events').where({ calendar_id: calendar.id }).count<{ n: string }[]>('* as n');
  for (const payload of [
    { start: '2026-12-10T10:00', end: '2026-12-10T09:00' },
    { start: '2026-02-30T10:00', end: '2026-03-01T09:00' },
    { start: '2026-12-10', end: '2026-12-10' },
    { start: '2026-12-10T10:00', end: '2026-12-10T11:00', recurrence: { frequency: 'weekly', interval: 1, until: '2026-01-01' } },
  ]) {
    const response = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: { calendarId: calendar.id, title: 'Conseil', ...payload } });
    t.equal(response.statusCode, 400, JSON.stringify(payload));
    t.match(response.json(), { code: 'AGENDA_ERR_DATES', message: /dates/ });
  }
  const after = await platform.knex('agenda.events').where({ calendar_id: calendar.id }).count<{ n: string }[]>('* as n');
  t.same(after, before);
});

t.test('a personal calendar is shared by role through the core, and its owner alone deletes it', async (t) => {
  const { s, teacher, other, parent } = await school();
  const created = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/calendars', payload: { schoolId: s.id, name: 'Conseils des maîtres' } });
  t.equal(created.statusCode, 201, created.body);
  const calendar = created.json() as Calendar;
  t.match(calendar, { kind: 'personal', role: 'owner' });
  t.notOk((await calendarsOf(other)).some((c) => c.id === calendar.id), 'not shared yet');
  const shared = await platform.as(teacher).inject({ method: 'PUT', url: `/api/core/shares/agenda/calendar/${calendar.id}`, payload: { role: 'contribute', users: [other.id] } });
  t.ok(shared.statusCode < 300, shared.body);
  t.match((await calendarsOf(other)).find((c) => c.id === calendar.id), { role: 'contribute' });
  const added = await platform.as(other).inject({ method: 'POST', url: '/api/agenda/events', payload: { calendarId: calendar.id, title: 'Conseil de cycle', start: '2026-12-14T17:00', end: '2026-12-14T18:30' } });
  t.equal(added.statusCode, 201);
  t.equal((await platform.as(other).inject({ method: 'DELETE', url: `/api/agenda/calendars/${calendar.id}` })).statusCode, 403);
  t.equal((await platform.as(parent).inject({ method: 'DELETE', url: `/api/agenda/calendars/${calendar.id}` })).statusCode, 404);
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/agenda/calendars/${calendar.id}` })).statusCode, 204);
  t.same(await platform.knex('agenda.events').where({ calendar_id: calendar.id }), []);
});

t.test('a reminder reaches the class through the notifications, once, at its time', async (t) => {
  const { teacher, parent } = await school();
  const calendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  platform.clock.set('2026-11-26T09:00:00Z');
  const created = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Spectacle de Noël', start: '2026-12-18T18:00', end: '2026-12-18T20:00', reminderMinutes: 1440,
  } });
  t.equal(created.statusCode, 201);
  const timeline = async () => ((await platform.as(parent).inject('/api/core/timeline')).json() as { items: { message?: string; type?: string }[] }).items ?? [];
  platform.clock.set('2026-12-17T16:00:00Z');
  await platform.runScheduledJobs();
  t.notOk(JSON.stringify(await timeline()).includes('Spectacle de Noël'), 'not before its time');
  platform.clock.set('2026-12-17T17:00:01Z');
  await platform.runScheduledJobs();
  t.match(JSON.stringify(await timeline()), /Rappel : Spectacle de Noël, vendredi 18 décembre à 18:00/);

  // A weekly series reminds before each occurrence, one after the other.
  platform.clock.set('2026-11-26T09:00:00Z');
  const weekly = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Chorale', start: '2026-11-30T16:30', end: '2026-11-30T17:30', reminderMinutes: 60,
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO'] },
  } });
  t.equal(weekly.statusCode, 201);
  const reminders = async () => (JSON.stringify(await timeline()).match(/Rappel : Chorale/g) ?? []).length;
  platform.clock.set('2026-11-30T14:30:01Z');
  await platform.runScheduledJobs();
  t.equal(await reminders(), 1, 'the first Monday');
  platform.clock.set('2026-12-07T14:30:01Z');
  await platform.runScheduledJobs();
  t.equal(await reminders(), 2, 'and the next one');
  platform.clock.set('2026-11-26T09:00:00Z');
});

t.test("French public holidays are computed for every calendar, Easter's Monday, Ascension and Whit Monday included", async (t) => {
  const { parent } = await school();
  const response = await platform.as(parent).inject('/api/agenda/holidays?from=2027-01-01&to=2027-12-31');
  t.equal(response.statusCode, 200);
  t.same(response.json(), [
    { day: '2027-01-01', name: "Jour de l'an" }, { day: '2027-03-29', name: 'Lundi de Pâques' }, { day: '2027-05-01', name: 'Fête du Travail' },
    { day: '2027-05-06', name: 'Ascension' }, { day: '2027-05-08', name: 'Victoire 1945' }, { day: '2027-05-17', name: 'Lundi de Pentecôte' },
    { day: '2027-07-14', name: 'Fête nationale' }, { day: '2027-08-15', name: 'Assomption' }, { day: '2027-11-01', name: 'Toussaint' },
    { day: '2027-11-11', name: 'Armistice 1918' }, { day: '2027-12-25', name: 'Noël' },
  ]);
  t.equal((await platform.as(parent).inject('/api/agenda/holidays?from=2027-12-31&to=2027-01-01')).statusCode, 400);
});

t.test("a picture inserted in an event's description opens for the calendar's readers, and for nobody else", async (t) => {
  const { teacher, parent, otherParent } = await school();
  const calendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const uploaded = await platform.as(teacher).inject({ method: 'POST', url: '/api/core/files', ...fileUpload('plan.png', pixel, 'image/png') });
  t.ok(uploaded.statusCode < 300, uploaded.body);
  const src = (uploaded.json() as { src: string }).src;
  t.equal((await platform.as(parent).inject(src)).statusCode, 404, 'not before the event exists');
  const created = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Sortie au parc', description: `<p>Le plan :</p><p><img src="${src}" alt="Plan du parc"></p>`, start: '2026-12-15T09:00', end: '2026-12-15T11:30',
  } });
  t.equal(created.statusCode, 201, created.body);
  t.equal((await platform.as(parent).inject(src)).statusCode, 200, "a parent of the class opens it");
  t.equal((await platform.as(otherParent).inject(src)).statusCode, 404, "another class's parent does not");
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/agenda/events/${created.json().eventId}` })).statusCode, 204);
  t.equal((await platform.as(parent).inject(src)).statusCode, 404, 'gone with the event');
});

t.test("a search finds an event by any of its words, accents and case ignored, each series once at its next time, and only in calendars one reads", async (t) => {
  const { s, teacher, parent, otherParent } = await school();
  platform.clock.set(new Date('2026-12-01T09:00:00Z'));
  t.teardown(() => platform.clock.set(new Date()));
  const calendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  const add = (payload: Record<string, unknown>) => platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: { calendarId: calendar.id, ...payload } });
  t.equal((await add({ title: 'Piscine', place: 'Piscine municipale', start: '2026-09-03T08:30', end: '2026-09-03T09:30', recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TH'] } })).statusCode, 201);
  t.equal((await add({ title: 'Réunion de rentrée', description: '<p>Présentation du <strong>projet piscine</strong></p>', start: '2026-09-08T18:00', end: '2026-09-08T19:00' })).statusCode, 201);
  const personal = (await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/calendars', payload: { schoolId: s.id, name: 'Perso' } })).json() as Calendar;
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: { calendarId: personal.id, title: 'Piscine avec les miens', start: '2026-12-05T10:00', end: '2026-12-05T11:00' } })).statusCode, 201);

  const search = async (user: TestUser, q: string) => {
    const answer = await platform.as(user).inject(`/api/agenda/search?q=${encodeURIComponent(q)}`);
    t.equal(answer.statusCode, 200, answer.body);
    return (answer.json() as { occurrences: Occurrence[] }).occurrences;
  };
  t.same((await search(parent, 'PISCINE')).map((o) => [o.title, o.start]), [['Piscine', '2026-12-03T08:30'], ['Réunion de rentrée', '2026-09-08T18:00']],
    'the series at its next Thursday, then the past meeting whose description names it');
  t.same((await search(parent, 'reunion rentree')).map((o) => o.title), ['Réunion de rentrée'], 'every word, accents ignored');
  t.same((await search(parent, 'municipale piscine')).map((o) => o.title), ['Piscine'], 'the place counts');
  t.same(await search(parent, '100%_'), [], 'LIKE wildcards are only characters');
  t.same(await search(otherParent, 'piscine'), [], "another class's parent finds nothing of the CM2");
  t.equal((await search(teacher, 'piscine')).length, 3, 'its owner finds their personal calendar too');
  const tooShort = await platform.as(parent).inject('/api/agenda/search?q=a');
  t.equal(tooShort.statusCode, 400);
});
