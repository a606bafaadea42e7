/**
 * Cahier de textes benchmark, on PostgreSQL by default (PREAU_BENCH_DATABASE=pglite for the embedded engine). It
 * prints figures against a bare Fastify route measured in the same run, and asserts nothing but the answers' shape:
 *  1. a parent of three children (three classes) opening "Pour demain" (`GET /api/textbook/family/homework`), one
 *     client, sequential: p50/p99 beside the bare route and the platform's signed-in floor `GET /api/core/me`;
 *  2. the same page at 200 connections (the 18:00–20:00 evening peak): requests per second against the bare route;
 *  3. the teacher's "Qui a fait ?" of one homework for 30 pupils, sequential.
 * Each class holds six weeks of a real cahier: two séances and two homework items a school day, a third ticked.
 */
import { availableParallelism, cpus } from 'node:os';
import { createTestPlatform, type TestDatabaseKind, type TestUser } from '@preau/core/testing';
import textbook from '@preau/plugin-textbook';
import { measure } from './measure.js';
import { startBareFastify } from './targets/bare-fastify.js';
import { table } from './report.js';
import { time } from './latency.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const ROUNDS = Number(process.env.PREAU_BENCH_ROUNDS ?? 500);
const SECONDS = Number(process.env.PREAU_BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.PREAU_BENCH_CONNECTIONS ?? 200);
const SESSION_COOKIE = 'preau_session';
const progress = (message: string): void => void process.stderr.write(`${message}\n`);

const platform = await createTestPlatform({ plugins: [textbook], database });
// Thursday 26 November 2026, 18:00 in Paris.
platform.clock.set('2026-11-26T17:00:00Z');
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const cookieOf = async (user: TestUser) => `${SESSION_COOKIE}=${(await platform.platform.sessions.create(user.id, {})).token}`;

const day = (offset: number) => new Date(Date.UTC(2026, 10, 26 + offset, 12)).toISOString().slice(0, 10);
const isSchoolDay = (d: string) => [1, 2, 4, 5].includes(new Date(`${d}T12:00:00Z`).getUTCDay());

try {
  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}\n`);
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], displayName: 'PARENT Trois Enfants' });
  progress('creating 3 classes of 27 pupils (and a class of 30) with six weeks of cahier each');
  const classes = [];
  for (const label of ['CP', 'CE2', 'CM2']) {
    const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
    const created = await platform.createClass({ school, label, teachers: [teacher], pupils: 27, relativesPerPupil: 1 });
    await platform.linkRelative(parent, created.pupils[0]!);
    classes.push({ ...created, teacher });
  }
  const teacher30 = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const class30 = await platform.createClass({ school, label: 'CE1', teachers: [teacher30], pupils: 30, relativesPerPupil: 1 });
  const created = platform.clock.now();
  for (const c of [...classes, { ...class30, teacher: teacher30 }]) {
    const rows = [];
    for (let offset = -35; offset <= 7; offset += 1) {
      const d = day(offset);
      if (!isSchoolDay(d)) continue;
      for (const [kind, subject] of [['session', 'Français'], ['session', 'Mathématiques'], ['homework', 'Français'], ['homework', 'Mathématiques']] as const) {
        rows.push({
          school_id: school.id, class_id: c.id, kind, subject, title: `${subject} du ${d}`, body: '<p>Relire la leçon et faire les exercices <strong>3 et 4</strong> page 42.</p>',
          day: d, due_on: kind === 'homework' ? day(offset + (isSchoolDay(day(offset + 1)) ? 1 : 2)) : null, minutes: kind === 'homework' ? 15 : null,
          visible_at: created, author_id: c.teacher.id, author_name: 'MAÎTRE', created_at: created, updated_at: created,
        });
      }
    }
    const ids: { id: number; kind: string }[] = await platform.knex('textbook.entries').insert(rows).returning(['id', 'kind']);
    const ticks = ids.filter((e) => e.kind === 'homework').flatMap((e) => c.pupils.filter((_, i) => i % 3 === 0).map((p) => ({ entry_id: e.id, pupil_id: p.id, by_id: p.id, by_name: p.displayName, at: created, late: false })));
    for (let i = 0; i < ticks.length; i += 1000) await platform.knex('textbook.ticks').insert(ticks.slice(i, i + 1000));
  }
  await platform.knex.raw('analyze textbook.entries, textbook.ticks, textbook.entry_pupils');
  const parentCookie = await cookieOf(parent);
  const teacherCookie = await cookieOf(teacher30);
  const tracked = await platform.knex('textbook.entries').where({ class_id: class30.id, kind: 'homework', due_on: day(1) }).first('id');

  const family = await (await fetch(`${address}/api/textbook/family/homework`, { headers: { cookie: parentCookie } })).json() as { homework: unknown[] }[];
  if (family.length !== 3 || family.some((c) => c.homework.length === 0)) throw new Error(`unexpected family page: ${JSON.stringify(family).slice(0, 300)}`);
  const tracking = await (await fetch(`${address}/api/textbook/entries/${tracked.id}/progress`, { headers: { cookie: teacherCookie } })).json() as { of: number; count: number };
  if (tracking.of !== 30) throw new Error(`unexpected tracking: ${JSON.stringify(tracking).slice(0, 300)}`);

  // 1 and 3. One client, one request after the other.
  progress(`${ROUNDS} sequential calls each`);
  const bare = await startBareFastify();
  const get = (url: string, cookie?: string) => () => fetch(url, { headers: cookie ? { cookie } : {} }).then((r) => r.arrayBuffer());
  const sequential = [
    { name: 'a  bare Fastify GET', figures: await time(ROUNDS, get(bare.url)) },
    { name: 'b  GET /api/core/me (signed-in floor)', figures: await time(ROUNDS, get(`${address}/api/core/me`, parentCookie)) },
    { name: `c  GET /family/homework (3 children, ${family.reduce((n, c) => n + c.homework.length, 0)} items)`, figures: await time(ROUNDS, get(`${address}/api/textbook/family/homework`, parentCookie)) },
    { name: 'd  GET /pupils/:id/homework (one child)', figures: await time(ROUNDS, get(`${address}/api/textbook/pupils/${classes[0]!.pupils[0]!.id}/homework`, parentCookie)) },
    { name: `e  GET /entries/:id/progress (30 pupils, ${tracking.count} done)`, figures: await time(ROUNDS, get(`${address}/api/textbook/entries/${tracked.id}/progress`, teacherCookie)) },
  ];
  console.log('1. one client, sequential (ms)');
  for (const { name, figures } of sequential) {
    console.log(`   ${name.padEnd(58)} p50 ${figures.p50.toFixed(2).padStart(6)}  p99 ${figures.p99.toFixed(2).padStart(6)}  max ${figures.max.toFixed(1).padStart(6)}`);
  }
  console.log('   target: p99 < 20 ms for the family page (c) and the tracking (e) on PostgreSQL\n');

  // 2. The evening peak.
  progress(`${CONNECTIONS} connections for ${SECONDS} s on each target`);
  const load = { connections: CONNECTIONS, pipelining: 1 };
  await measure(bare, { ...load, seconds: 2 });
  const bareFigures = await measure(bare, { ...load, seconds: SECONDS });
  await bare.close();
  // The platform's own floor for a signed-in read under the same load: what any page costs here.
  const meTarget = { name: 'b  GET /api/core/me (signed-in floor)', url: `${address}/api/core/me`, headers: { cookie: parentCookie }, close: async () => {} };
  await measure(meTarget, { ...load, seconds: 2 });
  const meFigures = await measure(meTarget, { ...load, seconds: SECONDS });
  await fetch(`${address}/api/core/me`, { headers: { cookie: parentCookie } });
  const familyTarget = { name: 'c  GET /api/textbook/family/homework', url: `${address}/api/textbook/family/homework`, headers: { cookie: parentCookie }, close: async () => {} };
  await measure(familyTarget, { ...load, seconds: 2 });
  const familyFigures = await measure(familyTarget, { ...load, seconds: SECONDS });
  console.log(`2. ${CONNECTIONS} concurrent connections (the 18:00–20:00 peak)`);
  // One more request queues behind what the load left in flight: when it answers, the backlog is gone.
  await fetch(`${address}/api/core/me`, { headers: { cookie: parentCookie } });
  console.log(table([{ name: 'a  bare Fastify', figures: bareFigures }, { name: meTarget.name, figures: meFigures }, { name: familyTarget.name, figures: familyFigures }]).replace(/^/gm, '   '));
} finally {
  // Requests still queued when the load stops are let finish before the pool closes.
  await platform.app.close();
  await platform.close();
}
