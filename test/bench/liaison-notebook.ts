/**
 * Liaison notebook benchmark, on PostgreSQL by default (PREAU_BENCH_DATABASE=pglite for the embedded engine).
 * It prints figures and asserts nothing but that nothing was lost. Three hot paths of the issue:
 *  1. posting a word to 3 classes (81 pupils, 162 relatives): the request's latency, the notifications being in
 *     every timeline when it answers (they are written before the answer);
 *  2. the tracking view of a 30-pupil word under 50 concurrent connections, against a bare Fastify route under
 *     the same load in the same run;
 *  3. 1,000 acknowledgements of one word by 1,000 families arriving at once: the time they take and the counts.
 */
import { availableParallelism, cpus } from 'node:os';
import { createTestPlatform, type TestDatabaseKind, type TestUser } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import { measure } from './measure.js';
import { startBareFastify } from './targets/bare-fastify.js';
import { table } from './report.js';
import { percentiles } from './latency.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const POSTS = Number(process.env.PREAU_BENCH_POSTS ?? 40);
const SECONDS = Number(process.env.PREAU_BENCH_SECONDS ?? 8);
const ACKS = Number(process.env.PREAU_BENCH_ACKS ?? 1000);
const SESSION_COOKIE = 'preau_session';
const progress = (message: string): void => void process.stderr.write(`${message}\n`);


const platform = await createTestPlatform({ plugins: [liaison], database });
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const session = async (user: TestUser) => {
  const opened = await platform.platform.sessions.create(user.id, {});
  return { cookie: `${SESSION_COOKIE}=${opened.token}`, 'x-csrf-token': opened.csrfToken, 'content-type': 'application/json' };
};
try {
  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}\n`);
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  progress('creating 3 classes of 27 pupils with 2 relatives each');
  const classes = [];
  for (const label of ['CM1', 'CM2 A', 'CM2 B']) classes.push(await platform.createClass({ school, label, teachers: [director], pupils: 27, relativesPerPupil: 2 }));
  const directorHeaders = await session(director);
  const word = (n: number, classIds: number[]) => JSON.stringify({
    title: `Sortie à la piscine ${n}`, body: '<p>La classe ira à la piscine <strong>jeudi</strong> de 9 h à 11 h.</p>', category: 'sortie', classIds,
  });

  // 1. Posting to 3 classes, one after the other (a teacher posts, then the next one).
  progress(`posting ${POSTS} words to 3 classes`);
  const postSamples: number[] = [];
  const baselineSamples: number[] = [];
  const bare = await startBareFastify();
  for (let i = 0; i < POSTS + 5; i += 1) {
    let started = performance.now();
    await fetch(bare.url).then((r) => r.text());
    if (i >= 5) baselineSamples.push(performance.now() - started);
    started = performance.now();
    const response = await fetch(`${address}/api/liaison/words`, { method: 'POST', headers: directorHeaders, body: word(i, classes.map((c) => c.id)) });
    const body = await response.json() as { id: number; counts: { pupils: number } };
    if (response.status !== 201) throw new Error(`posting answered ${response.status}: ${JSON.stringify(body)}`);
    if (i >= 5) postSamples.push(performance.now() - started);
  }
  await bare.close();
  const recipients = (await platform.knex.raw(
    `select count(*)::int as count from core.notification_recipients r join core.notifications n on n.id = r.notification_id
      where n.app = 'liaison' and n.type = 'word-posted' and n.id = (select max(id) from core.notifications where app = 'liaison')`,
  )).rows[0].count as number;
  const post = percentiles(postSamples);
  const base = percentiles(baselineSamples);
  console.log('1. posting a word to 3 classes (81 pupils, 162 relatives), sequential, timeline written before the answer');
  console.log(`   baseline bare Fastify GET      p50 ${base.p50.toFixed(1)} ms  p99 ${base.p99.toFixed(1)} ms`);
  console.log(`   POST /api/liaison/words        p50 ${post.p50.toFixed(1)} ms  p99 ${post.p99.toFixed(1)} ms  max ${post.max.toFixed(1)} ms  (${POSTS} posts)`);
  console.log(`   recipients in the last word's timeline when it answered: ${recipients} (81 pupils + 162 relatives = 243)`);
  console.log('   target: p99 < 100 ms on PostgreSQL\n');

  // 2. The tracking view of a 30-pupil word under 50 concurrent teachers' tabs.
  progress('tracking view under 50 connections');
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const class30 = await platform.createClass({ school, label: 'CE2', teachers: [teacher], pupils: 30, relativesPerPupil: 1 });
  const teacherHeaders = await session(teacher);
  const tracked = await (await fetch(`${address}/api/liaison/words`, { method: 'POST', headers: teacherHeaders, body: word(0, [class30.id]) })).json() as { id: number };
  for (const [index, pupil] of class30.pupils.slice(0, 12).entries()) {
    await platform.as(class30.relatives[index]![0]!).inject({ method: 'POST', url: `/api/liaison/words/${tracked.id}/pupils/${pupil.id}/acknowledgement` });
  }
  const load = { connections: 50, pipelining: 1 };
  const baseline = await startBareFastify();
  await measure(baseline, { ...load, seconds: 2 });
  const baselineFigures = await measure(baseline, { ...load, seconds: SECONDS });
  await baseline.close();
  // The platform's own floor for a signed-in read with two queries: what any authenticated page costs here.
  const meTarget = { name: 'b  GET /api/core/me (signed-in floor)', url: `${address}/api/core/me`, headers: { cookie: teacherHeaders.cookie }, close: async () => {} };
  await measure(meTarget, { ...load, seconds: 2 });
  const meFigures = await measure(meTarget, { ...load, seconds: SECONDS });
  const trackingTarget = { name: 'c  GET tracking of a 30-pupil word', url: `${address}/api/liaison/words/${tracked.id}/tracking`, headers: { cookie: teacherHeaders.cookie }, close: async () => {} };
  await measure(trackingTarget, { ...load, seconds: 2 });
  const trackingFigures = await measure(trackingTarget, { ...load, seconds: SECONDS });
  console.log('2. tracking view under 50 concurrent connections');
  console.log(table([{ name: 'a  bare Fastify', figures: baselineFigures }, { name: meTarget.name, figures: meFigures }, { name: trackingTarget.name, figures: trackingFigures }]).replace(/^/gm, '   '));
  console.log('   target: p99 < 30 ms on PostgreSQL\n');

  // 3. A thousand families acknowledging one word within a second.
  progress(`creating a class of ${ACKS} pupils with one relative each`);
  const big = await platform.createClass({ school, label: 'Grande classe', teachers: [teacher], pupils: ACKS, relativesPerPupil: 1 });
  const bigWord = await (await fetch(`${address}/api/liaison/words`, { method: 'POST', headers: teacherHeaders, body: word(1, [big.id]) })).json() as { id: number };
  const families = await Promise.all(big.pupils.map(async (pupil, index) => ({ pupil, headers: await session(big.relatives[index]![0]!) })));
  progress(`${ACKS} acknowledgements at once`);
  const started = performance.now();
  const statuses = await Promise.all(families.map(({ pupil, headers }) =>
    fetch(`${address}/api/liaison/words/${bigWord.id}/pupils/${pupil.id}/acknowledgement`, { method: 'POST', headers, body: '{}' }).then((r) => r.status)));
  const elapsed = performance.now() - started;
  const stored = (await platform.knex.raw('select count(*)::int as count from liaison.acknowledgements where word_id = ?', [bigWord.id])).rows[0].count as number;
  const trackingCount = (await (await fetch(`${address}/api/liaison/words/${bigWord.id}/tracking`, { headers: { cookie: teacherHeaders.cookie } })).json() as { counts: { acknowledged: number } }).counts.acknowledged;
  console.log(`3. ${ACKS} acknowledgements of one word sent at once`);
  console.log(`   all answered in ${elapsed.toFixed(0)} ms (${(ACKS / (elapsed / 1000)).toFixed(0)} per second); statuses: ${JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])))}`);
  console.log(`   stored: ${stored}; tracking says ${trackingCount}/${ACKS} lus — ${stored === ACKS && trackingCount === ACKS ? 'nothing lost' : 'LOST SOME'}`);
} finally {
  // Live signals are coalesced for 300 ms: let the last ones go before the database closes.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await platform.close();
}
