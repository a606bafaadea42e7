/**
 * Agenda benchmark, in-process on PostgreSQL by default. Prints figures and asserts nothing.
 *
 * 1. A parent's month view: three children in three classes, so three class calendars and the school's, 200
 *    events of which 40 repeat weekly; one client's latencies (inject, session and gate included), then
 *    requests/s at 100 connections through HTTP.
 * 2. The iCal subscription of a teacher reading 10 calendars (2,000 events): time to build it, and the 304 a
 *    phone gets with `If-None-Match` while nothing changed.
 * 3. The meeting rush: 300 families of one class booking 250 slots over HTTP at the same moment (each family
 *    aims at slot `i mod 250`, so 50 lose a race): winners, families told the slot was taken, other errors,
 *    and whether the database holds each slot once and each family once.
 * Baseline in the same run: a bare Fastify route with a response schema (targets/bare-fastify.ts).
 */
import { availableParallelism, cpus } from 'node:os';
import { createTestPlatform, type TestDatabaseKind, type TestUser } from '@preau/core/testing';
import agenda from '@preau/plugin-agenda';
import { time, type Latency } from './latency.js';
import { measure, type Figures } from './measure.js';
import { startBareFastify } from './targets/bare-fastify.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const ROUNDS = Number(process.env.PREAU_BENCH_ROUNDS ?? 300);
const SECONDS = Number(process.env.PREAU_BENCH_SECONDS ?? 6);

const platform = await createTestPlatform({ database, plugins: [agenda] });
const bare = await startBareFastify();
try {
  platform.clock.set('2026-11-26T09:00:00Z');
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const teachers: TestUser[] = [];
  const classes = [];
  for (let i = 0; i < 10; i += 1) {
    const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
    teachers.push(teacher);
    classes.push(await platform.createClass({ school, label: `Classe ${i + 1}`, teachers: [teacher], pupils: 3, relativesPerPupil: 1 }));
  }
  // The parent of three children, in classes 1 to 3.
  const parent = classes[0]!.relatives[0]![0]!;
  await platform.linkRelative(parent, classes[1]!.pupils[0]!);
  await platform.linkRelative(parent, classes[2]!.pupils[0]!);

  const calendarOf = async (user: TestUser, kind: string) => ((await platform.as(user).inject('/api/agenda/calendars')).json() as { id: number; kind: string }[]).find((c) => c.kind === kind)!.id;
  const add = (user: TestUser, calendarId: number, i: number, recurring: boolean) => {
    const day = `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`;
    const hour = String(8 + (i % 9)).padStart(2, '0');
    return platform.as(user).inject({ method: 'POST', url: '/api/agenda/events', payload: {
      calendarId, title: `Événement ${i}`, description: '<p>Une sortie, une réunion ou une activité de la classe.</p>', place: 'École',
      start: `${day}T${hour}:00`, end: `${day}T${hour}:45`,
      ...(recurring ? { recurrence: { frequency: 'weekly', interval: 1, weekdays: [['MO', 'TU', 'TH', 'FR'][i % 4]] } } : {}),
    } });
  };
  const inBatches = async (calls: (() => Promise<unknown>)[]) => {
    for (let i = 0; i < calls.length; i += 25) await Promise.all(calls.slice(i, i + 25).map((call) => call()));
  };
  // The parent's month: 200 events in the school's and the three classes' calendars, 40 of them weekly without end.
  const monthCalendars = [await calendarOf(director, 'school'), ...(await Promise.all(teachers.slice(0, 3).map((t) => calendarOf(t, 'class'))))];
  const owners = [director, teachers[0]!, teachers[1]!, teachers[2]!];
  await inBatches(Array.from({ length: 200 }, (_, i) => () => add(owners[i % 4]!, monthCalendars[i % 4]!, i, i < 40)));
  // The reader: the teacher of classes 4 to 10 (7 calendars) with 3 personal calendars shared with them, 200 events
  // each (one in ten weekly); they also read the school's calendar (50 of the events above).
  const reader = teachers[3]!;
  for (const schoolClass of classes.slice(4)) await platform.knex('core.class_members').insert({ class_id: schoolClass.id, user_id: reader.id });
  const readerCalendars = await Promise.all(teachers.slice(3).map((t) => calendarOf(t, 'class')));
  const calendarOwners: TestUser[] = teachers.slice(3);
  for (let i = 0; i < 3; i += 1) {
    const created = (await platform.as(director).inject({ method: 'POST', url: '/api/agenda/calendars', payload: { schoolId: school.id, name: `Projet ${i + 1}` } })).json() as { id: number };
    await platform.as(director).inject({ method: 'PUT', url: `/api/core/shares/agenda/calendar/${created.id}`, payload: { role: 'contribute', users: [reader.id], notify: false } });
    readerCalendars.push(created.id);
    calendarOwners.push(director);
  }
  await inBatches(Array.from({ length: 2000 }, (_, i) => () => add(calendarOwners[i % 10]!, readerCalendars[i % 10]!, i + 200, i % 10 === 0)));
  await platform.knex.raw('analyze');

  const month = '/api/agenda/events?from=2026-11-29T22:00:00Z&to=2027-01-03T23:00:00Z&limit=500';
  const session = await platform.platform.sessions.create(parent.id, { ip: '127.0.0.1', userAgent: 'bench' });
  const cookie = `preau_session=${session.token}`;
  const probe = await platform.app.inject({ url: month, headers: { cookie } });
  if (probe.statusCode !== 200) throw new Error(`month view: ${probe.statusCode} ${probe.body}`);
  const shown = (probe.json() as { occurrences: unknown[] }).occurrences.length;
  const feedPath = ((await platform.as(reader).inject({ method: 'POST', url: '/api/agenda/feed' })).json() as { path: string }).path;
  const feed = await platform.app.inject({ url: feedPath });
  const feedEvents = (feed.body.match(/BEGIN:VEVENT/g) ?? []).length;
  const etag = String(feed.headers.etag);

  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}`);
  console.log(`the parent reads 4 calendars (3 classes + school): 200 events, 40 weekly without end → ${shown} occurrences in December's month view`);
  console.log(`the teacher reads 10 calendars (2,000 events) and the school's (50): ${feedEvents} events in the feed (${(feed.body.length / 1024).toFixed(0)} KiB)`);
  console.log(`${ROUNDS} sequential calls per row after warm-up\n`);

  const rows: [string, Latency][] = [];
  rows.push(['baseline: bare Fastify route (HTTP)', await time(ROUNDS, () => fetch(bare.url).then((r) => r.text()))]);
  rows.push(['month view, parent (inject)', await time(ROUNDS, () => platform.app.inject({ url: month, headers: { cookie } }))]);
  rows.push(['iCal feed, 11 calendars, 2,050 events (inject)', await time(Math.min(ROUNDS, 100), () => platform.app.inject({ url: feedPath }))]);
  rows.push(['iCal feed, If-None-Match → 304 (inject)', await time(ROUNDS, () => platform.app.inject({ url: feedPath, headers: { 'if-none-match': etag } }))]);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'call'.padEnd(width)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'mean ms'.padStart(7)}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(width)}  ${f.p50.toFixed(2).padStart(7)}  ${f.p99.toFixed(2).padStart(7)}  ${f.mean.toFixed(2).padStart(7)}`);

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const load = { seconds: SECONDS, connections: 100, pipelining: 1 };
  const loaded: [string, Figures][] = [
    ['baseline: bare Fastify route', await measure(bare, load)],
    ['month view, parent', await measure({ name: 'month', url: `${address}${month}`, headers: { cookie, accept: 'application/json' }, close: async () => {} }, load)],
  ];
  console.log(`\n${load.connections} connections, ${SECONDS} s per row, one server process`);
  for (const [name, f] of loaded) {
    console.log(`${name.padEnd(width)}  ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${f.latencyP50Ms.toFixed(1)} ms  p99 ${f.latencyP99Ms.toFixed(1)} ms  errors ${f.errors + f.non2xx}`);
  }
  console.log('\ntarget: month view p99 < 30 ms for one client (PostgreSQL); the 304 is timed above (autocannon counts no 304 as an answer)');

  // 3. The meeting rush.
  const rushSchool = await platform.createSchool({ name: 'École du rendez-vous' });
  const rushTeacher = await platform.createUser({ profile: 'Teacher', schools: [rushSchool] });
  const big = await platform.createClass({ school: rushSchool, label: 'CM2 rush', teachers: [rushTeacher], pupils: 300, relativesPerPupil: 1 });
  const dayIn = (n: number) => new Date(platform.clock.now().getTime() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const opened = await platform.as(rushTeacher).inject({ method: 'POST', url: '/api/agenda/meetings', payload: {
    classId: big.id, title: 'Rencontres', durationMinutes: 5, bookUntil: new Date(platform.clock.now().getTime() + 86_400_000 * 6).toISOString(),
    days: [7, 8, 9].map((n) => ({ day: dayIn(n), from: '08:00', to: '18:00' })),
  } });
  const round = opened.json() as { id: number; slotList: { id: number }[] };
  const slotIds = round.slotList.slice(0, 250).map((s) => s.id);
  const families = await Promise.all(big.pupils.map(async (pupil, i) => {
    const session = await platform.platform.sessions.create(big.relatives[i]![0]!.id, { ip: '127.0.0.1', userAgent: 'bench' });
    return { pupilId: pupil.id, cookie: `preau_session=${session.token}`, csrf: session.csrfToken };
  }));
  const burst = async (call: (i: number) => Promise<number>) => {
    const started = performance.now();
    const timings: number[] = [];
    const statuses = await Promise.all(families.map(async (_, i) => {
      const t0 = performance.now();
      const status = await call(i);
      timings.push(performance.now() - t0);
      return status;
    }));
    timings.sort((a, b) => a - b);
    return { statuses, ms: performance.now() - started, p99: timings[Math.floor(timings.length * 0.99)]! };
  };
  const bareUrl = bare.url;
  const baseline = await burst(async () => (await fetch(bareUrl)).status);
  const rush = await burst(async (i) => (await fetch(`${address}/api/agenda/meetings/${round.id}/booking`, {
    method: 'PUT',
    headers: { cookie: families[i]!.cookie, 'x-csrf-token': families[i]!.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ slotId: slotIds[i % 250], pupilId: families[i]!.pupilId }),
  })).status);
  const count = (status: number) => rush.statuses.filter((s) => s === status).length;
  const held = await platform.knex('agenda.meeting_slots').where({ round_id: round.id }).whereNotNull('pupil_id')
    .first(platform.knex.raw('count(*)::int as slots, count(distinct pupil_id)::int as families'));
  console.log(`\nmeeting rush: ${families.length} families booking ${slotIds.length} slots at once over HTTP`);
  console.log(`  baseline (300 concurrent GETs of the bare route): ${baseline.ms.toFixed(0)} ms for all, p99 ${baseline.p99.toFixed(1)} ms`);
  console.log(`  bookings: ${rush.ms.toFixed(0)} ms for all, p99 ${rush.p99.toFixed(1)} ms; ${count(200)} booked, ${count(409)} told "taken", ${rush.statuses.length - count(200) - count(409)} other answers`);
  console.log(`  in the database: ${held.slots} slots held by ${held.families} families (each slot once, each family once: ${held.slots === count(200) && held.families === count(200) ? 'yes' : 'NO'})`);
} finally {
  // Let autocannon's last requests (seconds long under load) finish before the database closes.
  await new Promise((resolve) => setTimeout(resolve, 6000));
  await bare.close();
  await platform.close();
}
