import t from 'tap';
import ICAL from 'ical.js';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import plugin from '../src/index.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [plugin] });
});
t.teardown(() => platform.close());

interface Calendar { id: number; kind: string; classId: number | null }

const calendarsOf = async (user: TestUser) => (await platform.as(user).inject('/api/agenda/calendars')).json() as Calendar[];

async function school() {
  const s = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const cm2 = await platform.createClass({ school: s, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const other = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const ce1 = await platform.createClass({ school: s, label: 'CE1', teachers: [other], pupils: 1, relativesPerPupil: 1 });
  const calendar = (await calendarsOf(teacher)).find((c) => c.kind === 'class')!;
  const otherCalendar = (await calendarsOf(other)).find((c) => c.kind === 'class')!;
  return { s, teacher, other, calendar, otherCalendar, parent: cm2.relatives[0]![0]!, otherParent: ce1.relatives[0]![0]! };
}

/** Reads a feed as a calendar client would: ical.js with the file's own VTIMEZONE. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return root.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

t.test('a parent subscribes: the feed has the class events in Paris time across DST, never another class\'s, and a revoked token is 404 at once', async (t) => {
  const { teacher, other, calendar, otherCalendar, parent } = await school();
  await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Piscine', place: 'Piscine municipale, bassin 2', start: '2026-10-01T08:30', end: '2026-10-01T09:30',
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TH'], until: '2027-06-30' },
  } });
  await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Sortie à Londres', description: '<p>Prévoir le passeport</p>', allDay: true, start: '2027-05-10', end: '2027-05-12',
  } });
  await platform.as(other).inject({ method: 'POST', url: '/api/agenda/events', payload: { calendarId: otherCalendar.id, title: 'Secret du CE1', start: '2026-12-01T10:00', end: '2026-12-01T11:00' } });

  t.same((await platform.as(parent).inject('/api/agenda/feed')).json(), { active: false, createdAt: null });
  const made = await platform.as(parent).inject({ method: 'POST', url: '/api/agenda/feed' });
  t.equal(made.statusCode, 201);
  const { path } = made.json() as { path: string };
  t.match(path, /^\/api\/agenda\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
  t.notOk(JSON.stringify(await platform.knex('agenda.feed_tokens')).includes(path.slice(17, 60)), 'only the hash is stored');

  const feed = await platform.inject(path);
  t.equal(feed.statusCode, 200);
  t.match(feed.headers['content-type'], /text\/calendar/);
  const events = parse(feed.body);
  t.same(events.map((e) => e.summary).sort(), ['Piscine', 'Sortie à Londres']);
  const pool = events.find((e) => e.summary === 'Piscine')!;
  t.equal(pool.location, 'Piscine municipale, bassin 2');
  const iterator = pool.iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next && starts.length < 6; next = iterator.next()) starts.push(next.toJSDate().toISOString());
  t.same(starts.slice(3, 6), ['2026-10-22T06:30:00.000Z', '2026-10-29T07:30:00.000Z', '2026-11-05T07:30:00.000Z'], '08:30 Paris before and after the October change');
  const trip = events.find((e) => e.summary === 'Sortie à Londres')!;
  t.ok(trip.startDate.isDate);
  t.equal(trip.startDate.toString(), '2027-05-10');
  t.equal(trip.endDate.toString(), '2027-05-13', 'DTEND of an all-day event is the day after its last');
  t.equal(trip.description, 'Prévoir le passeport');

  const etag = feed.headers.etag as string;
  const again = await platform.inject({ url: path, headers: { 'if-none-match': etag } });
  t.equal(again.statusCode, 304, 'unchanged: 304');
  await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: { calendarId: calendar.id, title: 'Conseil d\'école', start: '2026-12-03T18:00', end: '2026-12-03T20:00' } });
  t.equal((await platform.inject({ url: path, headers: { 'if-none-match': etag } })).statusCode, 200, 'changed: the whole feed');

  t.equal((await platform.as(parent).inject({ method: 'DELETE', url: '/api/agenda/feed' })).statusCode, 204);
  const revoked = await platform.inject(path);
  t.equal(revoked.statusCode, 404);
  t.match(revoked.json(), { code: 'AGENDA_ERR_FEED_NOT_FOUND', message: /révoquée/ });
  t.equal((await platform.inject('/api/agenda/ical/not-a-token.ics')).statusCode, 400);
});

t.test('a calendar exports as .ics and imports back into another: UIDs update instead of repeating', async (t) => {
  const { s, teacher, calendar, parent } = await school();
  const created = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: {
    calendarId: calendar.id, title: 'Chorale; répétition, salle 3', start: '2026-11-02T16:30', end: '2026-11-02T17:30',
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO'], count: 10 },
  } });
  const seriesId = created.json().eventId as number;
  await platform.as(teacher).inject({ method: 'DELETE', url: `/api/agenda/events/${seriesId}?scope=this&occurrence=2026-11-09T16:30` });
  await platform.as(teacher).inject({ method: 'PUT', url: `/api/agenda/events/${seriesId}`, payload: {
    title: 'Chorale (salle 5)', start: '2026-11-16T17:00', end: '2026-11-16T18:00', scope: 'this', occurrence: '2026-11-16T16:30',
  } });
  const exported = await platform.as(parent).inject(`/api/agenda/calendars/${calendar.id}/export`);
  t.equal(exported.statusCode, 200);
  t.match(exported.headers['content-disposition'], /attachment; filename="CM2\.ics"/);
  t.match(exported.body, /RECURRENCE-ID;TZID=Europe\/Paris:20261116T163000/);
  t.match(exported.body, /EXDATE;TZID=Europe\/Paris:20261109T163000/);

  const mine = (await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/calendars', payload: { schoolId: s.id, name: 'Copie' } })).json() as Calendar;
  const imported = await platform.as(teacher).inject({ method: 'POST', url: `/api/agenda/calendars/${mine.id}/import`, payload: { content: exported.body } });
  t.equal(imported.statusCode, 200, imported.body);
  t.same(imported.json(), { created: 2, updated: 0 });
  const again = await platform.as(teacher).inject({ method: 'POST', url: `/api/agenda/calendars/${mine.id}/import`, payload: { content: exported.body } });
  t.same(again.json(), { created: 0, updated: 2 }, 'the same file twice repeats nothing');
  const list = (await platform.as(teacher).inject(`/api/agenda/events?from=2026-11-01T00:00:00Z&to=2027-02-01T00:00:00Z&calendars=${mine.id}`)).json() as { occurrences: { start: string; title: string }[] };
  t.equal(list.occurrences.length, 9, '10 Mondays less the deleted one');
  t.same(list.occurrences.slice(0, 3).map((o) => `${o.start} ${o.title}`), [
    '2026-11-02T16:30 Chorale; répétition, salle 3', '2026-11-16T17:00 Chorale (salle 5)', '2026-11-23T16:30 Chorale; répétition, salle 3',
  ]);

  const refused = await platform.as(parent).inject({ method: 'POST', url: `/api/agenda/calendars/${calendar.id}/import`, payload: { content: exported.body } });
  t.equal(refused.statusCode, 403, 'a reader does not import');
});

t.test('bad .ics files get a French 400 and write nothing', async (t) => {
  const { s, teacher } = await school();
  const mine = (await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/calendars', payload: { schoolId: s.id, name: 'Essais' } })).json() as Calendar;
  const vevent = (i: number, start = '20261201T100000Z') => `BEGIN:VEVENT\r\nUID:e${i}\r\nSUMMARY:Événement ${i}\r\nDTSTART:${start}\r\nDTEND:20261201T110000Z\r\nEND:VEVENT\r\n`;
  const calendar = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n${body}END:VCALENDAR\r\n`;
  const cases: [string, string, RegExp][] = [
    ['not ics', 'bonjour', /iCalendar valide/],
    ['bad date', calendar(vevent(1) + vevent(2, '20261345T100000Z')), /n'existe pas|iCalendar valide/],
    ['hourly rule', calendar(vevent(1).replace('END:VEVENT', 'RRULE:FREQ=HOURLY\r\nEND:VEVENT')), /répétition/],
    ['too many', calendar(Array.from({ length: 2001 }, (_, i) => vevent(i)).join('')), /plus de 2000 événements/],
    ['unknown zone', calendar(vevent(1).replace('DTSTART:20261201T100000Z', 'DTSTART;TZID=Mars/Olympus:20261201T100000')), /fuseau horaire/],
  ];
  for (const [name, content, message] of cases) {
    const response = await platform.as(teacher).inject({ method: 'POST', url: `/api/agenda/calendars/${mine.id}/import`, payload: { content } });
    t.equal(response.statusCode, 400, name);
    t.match(response.json(), { message }, name);
  }
  const huge = await platform.as(teacher).inject({ method: 'POST', url: `/api/agenda/calendars/${mine.id}/import`, payload: { content: 'x'.repeat(2_000_001) } });
  t.ok(huge.statusCode === 400 || huge.statusCode === 413, `too large: ${huge.statusCode}`);
  t.match(huge.json(), { code: /./, message: /./ });
  t.same(await platform.knex('agenda.events').where({ calendar_id: mine.id }), [], 'nothing written');

  const unbounded = await platform.as(teacher).inject({ method: 'POST', url: `/api/agenda/calendars/${mine.id}/import`, payload: {
    content: calendar(vevent(1).replace('END:VEVENT', 'RRULE:FREQ=DAILY\r\nEND:VEVENT')),
  } });
  t.same(unbounded.json(), { created: 1, updated: 0 }, 'a rule without end is kept, and expanded over windows only');
  const year = (await platform.as(teacher).inject(`/api/agenda/events?from=2030-01-01T00:00:00Z&to=2030-03-01T00:00:00Z&calendars=${mine.id}&limit=500`)).json() as { occurrences: unknown[] };
  t.equal(year.occurrences.length, 59);
});
