/**
 * Blog benchmark, in-process on PostgreSQL by default. Prints figures and asserts nothing.
 *
 * 1. The school's public blog page (server-rendered, 10 posts with a picture each) under 200 connections,
 *    against a bare Fastify route sending a static HTML page of the same bytes (the baseline, same run): the
 *    ratio of requests/s says what Préau's lookup of the blog's version and its cache cost. Target ≥ 0.3.
 * 2. A class blog's first page (10 posts) for a signed-in parent, one client: target p99 < 30 ms.
 */
import { availableParallelism, cpus } from 'node:os';
import Fastify from 'fastify';
import { createTestPlatform, fileUpload, type TestDatabaseKind } from '@preau/core/testing';
import blog from '@preau/plugin-blog';
import { time, type Latency } from './latency.js';
import { measure, type Figures } from './measure.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const ROUNDS = Number(process.env.PREAU_BENCH_ROUNDS ?? 300);
const SECONDS = Number(process.env.PREAU_BENCH_SECONDS ?? 6);
const CONNECTIONS = 200;
// A 1×1 PNG: each post holds a picture, as the page does.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const TEXT = "<p>Aujourd'hui les élèves ont visité le musée et préparé un exposé sur ce qu'ils ont vu. Chacun a choisi une œuvre et l'a décrite à la classe.</p>";

const platform = await createTestPlatform({ database, plugins: [blog] });
const bare = Fastify({ logger: false });
try {
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 25, relativesPerPupil: 2 });
  const parent = cm2.relatives[0]![0]!;

  const write = async (user: typeof director, blogId: number, i: number) => {
    const upload = (await platform.as(user).inject({ method: 'POST', url: '/api/core/files', ...fileUpload(`photo-${i}.png`, PNG, 'image/png') })).json() as { src: string };
    const answer = await platform.as(user).inject({ method: 'POST', url: `/api/blog/blogs/${blogId}/posts`, payload: { title: `Article ${i}`, body: `${TEXT}<p><img src="${upload.src}" alt="Photo ${i}"></p>`, submit: true } });
    if (answer.statusCode !== 201) throw new Error(answer.body);
  };
  const schoolBlog = (await platform.as(director).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: school.id, title: "Le blog de l'école", description: 'Les nouvelles de notre école' } })).json() as { id: number };
  for (let i = 1; i <= 12; i += 1) await write(director, schoolBlog.id, i);
  await platform.as(director).inject({ method: 'PUT', url: `/api/blog/blogs/${schoolBlog.id}/public`, payload: { slug: 'ecole-banc-essai' } });
  const classBlog = (await platform.as(teacher).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: school.id, classId: cm2.id, title: 'London, here we come !' } })).json() as { id: number };
  for (let i = 1; i <= 40; i += 1) await write(teacher, classBlog.id, i);
  await platform.knex.raw('analyze');

  const pagePath = '/pub/blog/ecole-banc-essai';
  const page = await platform.app.inject({ url: pagePath });
  if (page.statusCode !== 200) throw new Error(`public page: ${page.statusCode} ${page.body}`);
  const html = page.body;
  // The baseline: Fastify alone sending the very same page as a constant.
  bare.get('/page', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'public, no-cache').send(html));
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

  const firstPage = `/api/blog/blogs/${classBlog.id}/posts?limit=10`;
  const session = await platform.platform.sessions.create(parent.id, { ip: '127.0.0.1', userAgent: 'bench' });
  const cookie = `preau_session=${session.token}`;
  const probe = await platform.app.inject({ url: firstPage, headers: { cookie } });
  if (probe.statusCode !== 200) throw new Error(`first page: ${probe.statusCode} ${probe.body}`);

  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}`);
  console.log(`public page: ${(html.length / 1024).toFixed(1)} KiB, 10 posts with a picture each (12 published); class blog: 40 posts, the parent reads the first 10`);
  console.log(`${ROUNDS} sequential calls per row after warm-up\n`);

  const rows: [string, Latency][] = [];
  rows.push(['baseline: bare Fastify, same HTML (HTTP)', await time(ROUNDS, () => fetch(`${bareAddress}/page`).then((r) => r.text()))]);
  rows.push(['class blog, first page, parent (inject)', await time(ROUNDS, () => platform.app.inject({ url: firstPage, headers: { cookie } }))]);
  rows.push(['public page, anonymous (inject)', await time(ROUNDS, () => platform.app.inject({ url: pagePath }))]);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'call'.padEnd(width)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'mean ms'.padStart(7)}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(width)}  ${f.p50.toFixed(2).padStart(7)}  ${f.p99.toFixed(2).padStart(7)}  ${f.mean.toFixed(2).padStart(7)}`);

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const load = { seconds: SECONDS, connections: CONNECTIONS, pipelining: 1 };
  const loaded: [string, Figures][] = [
    ['baseline: bare Fastify, same HTML', await measure({ name: 'bare', url: `${bareAddress}/page`, headers: {}, close: async () => {} }, load)],
    ['public blog page', await measure({ name: 'public', url: `${address}${pagePath}`, headers: {}, close: async () => {} }, load)],
  ];
  console.log(`\n${load.connections} connections, ${SECONDS} s per row, one server process`);
  for (const [name, f] of loaded) {
    console.log(`${name.padEnd(width)}  ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${f.latencyP50Ms.toFixed(1)} ms  p99 ${f.latencyP99Ms.toFixed(1)} ms  errors ${f.errors + f.non2xx}`);
  }
  const ratio = loaded[1]![1].requestsPerSecond / loaded[0]![1].requestsPerSecond;
  console.log(`\npublic page / baseline: ${ratio.toFixed(2)} of the requests/s (target ≥ 0.3); class blog first page p99 ${rows[1]![1].p99.toFixed(2)} ms (target < 30 ms)`);
} finally {
  // Let autocannon's last requests finish before the database closes.
  await new Promise((resolve) => setTimeout(resolve, 6000));
  await bare.close();
  await platform.close();
}
