import t from 'tap';
import { createTestPlatform, type TestPlatform } from '@preau/core/testing';
import plugin from '../src/index.js';

// One real Préau for the whole file (PGlite, or PostgreSQL with PREAU_TEST_DATABASE=postgres).
let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [plugin] });
});
t.teardown(() => platform.close());

/** The shape of the ministry's per-zone calendar: all-day periods whose end is the day school starts again. */
const zoneFile = (zone: string, periods: [string, string, string][]) => [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ministère//Calendrier scolaire//FR',
  ...periods.flatMap(([name, start, end], i) => ['BEGIN:VEVENT', `UID:${zone}-${i}@education.gouv.fr`, `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, `SUMMARY:${name} - Zone ${zone}`, 'END:VEVENT']),
  'END:VCALENDAR', '',
].join('\r\n');

const zoneA = zoneFile('A', [['Vacances de Noël', '20261219', '20270104'], ["Vacances d'Hiver", '20270206', '20270222'], ['Pont de l’Ascension', '20270506', '20270510']]);
const zoneC = zoneFile('C', [['Vacances de Noël', '20261219', '20270104'], ["Vacances d'Hiver", '20270220', '20270308']]);

t.test('an academy administrator imports each zone, a director picks the school’s zone, and its families see those holidays only', async (t) => {
  const school = await platform.createSchool();
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const academy = await platform.createUser({ profile: 'Personnel', schools: [school], functions: [{ function: 'academy-admin' }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const parent = cm2.relatives[0]![0]!;

  const refused = await platform.as(director).inject({ method: 'PUT', url: '/api/agenda/holiday-zones/A', payload: { content: zoneA } });
  t.equal(refused.statusCode, 403);
  t.match(refused.json(), { message: /Seul un administrateur de l'académie/ });
  for (const [zone, content] of [['A', zoneA], ['C', zoneC]] as const) {
    const imported = await platform.as(academy).inject({ method: 'PUT', url: `/api/agenda/holiday-zones/${zone}`, payload: { content } });
    t.equal(imported.statusCode, 200);
  }
  t.same((await platform.as(academy).inject({ method: 'PUT', url: '/api/agenda/holiday-zones/A', payload: { content: zoneA } })).json(),
    { imported: 3, firstDay: '2026-12-19', lastDay: '2027-05-09' }, 'importing again replaces, never repeats');

  const holidays = (from: string, to: string) => platform.as(parent).inject(`/api/agenda/school-holidays?from=${from}&to=${to}`);
  t.same((await holidays('2026-09-01', '2027-07-05')).json(), [], 'no zone chosen yet: no school holidays');
  t.equal((await platform.as(teacher).inject({ method: 'PUT', url: `/api/agenda/schools/${school.id}/holiday-zone`, payload: { zone: 'A' } })).statusCode, 403);
  t.equal((await platform.as(director).inject({ method: 'PUT', url: `/api/agenda/schools/${school.id}/holiday-zone`, payload: { zone: 'A' } })).statusCode, 204);
  t.same((await platform.as(director).inject(`/api/agenda/schools/${school.id}/holiday-zone`)).json(), { zone: 'A', zones: ['A', 'C'] });
  t.same((await holidays('2026-09-01', '2027-07-05')).json(), [
    { name: 'Vacances de Noël', zone: 'A', firstDay: '2026-12-19', lastDay: '2027-01-03' },
    { name: "Vacances d'Hiver", zone: 'A', firstDay: '2027-02-06', lastDay: '2027-02-21' },
    { name: 'Pont de l’Ascension', zone: 'A', firstDay: '2027-05-06', lastDay: '2027-05-09' },
  ], "the zone's holidays, names without the zone, the last day the day before school starts again");
  t.same((await holidays('2027-02-22', '2027-03-31')).json(), [], 'zone C’s later winter holidays are not the school’s');

  // Other apps find them by kind, without knowing the agenda: the liaison notebook's pause until they end.
  const items = await platform.as(teacher).inject('/api/core/dated-items?from=2026-12-28&to=2027-02-10&kind=school-holidays');
  t.same(items.json(), [{ app: 'agenda', title: { fr: 'Agenda', en: 'Calendar' }, items: [
    { id: 'A-2026-12-19', title: 'Vacances de Noël', day: '2026-12-19', lastDay: '2027-01-03', kind: 'school-holidays', url: '/apps/agenda?date=2026-12-19' },
    { id: 'A-2027-02-06', title: "Vacances d'Hiver", day: '2027-02-06', lastDay: '2027-02-21', kind: 'school-holidays', url: '/apps/agenda?date=2027-02-06' },
  ] }], 'holidays under way when the window opens count, with their last day');
  t.same((await platform.as(teacher).inject('/api/core/dated-items?from=2027-01-04&to=2027-02-05&kind=school-holidays')).json(), [], 'none between them');

  const other = await platform.createSchool();
  const outsider = await platform.createUser({ profile: 'Teacher', schools: [other], functions: [{ function: 'director', schoolId: other.id }] });
  t.equal((await platform.as(outsider).inject({ method: 'PUT', url: `/api/agenda/schools/${school.id}/holiday-zone`, payload: { zone: 'C' } })).statusCode, 404, "another school's director");
});

t.test('a file that is not a school calendar is refused in French and changes nothing', async (t) => {
  const school = await platform.createSchool();
  const academy = await platform.createUser({ profile: 'Personnel', schools: [school], functions: [{ function: 'academy-admin' }] });
  await platform.as(academy).inject({ method: 'PUT', url: '/api/agenda/holiday-zones/B', payload: { content: zoneFile('B', [['Vacances de Noël', '20261219', '20270104']]) } });
  const before = await platform.knex('agenda.school_holidays').where({ zone: 'B' }).count('* as n');
  for (const content of ['pas un calendrier', ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x', 'DTSTART:20261219T080000Z', 'DTEND:20261219T090000Z', 'SUMMARY:Réunion', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n')]) {
    const answer = await platform.as(academy).inject({ method: 'PUT', url: '/api/agenda/holiday-zones/B', payload: { content } });
    t.equal(answer.statusCode, 400);
    t.match(answer.json().message, /iCalendar|aucune période de vacances/);
  }
  t.same(await platform.knex('agenda.school_holidays').where({ zone: 'B' }).count('* as n'), before);
  t.equal((await platform.as(academy).inject({ method: 'PUT', url: '/api/agenda/holiday-zones/..%2Fx', payload: { content: 'x' } })).statusCode, 400);
});
