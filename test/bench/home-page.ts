/**
 * Home page data of a parent under 300 concurrent connections: the news app's flash messages and headlines
 * widget, and the first timeline page, on one school of 10 classes × 20 pupils with 2 relatives each, in-process
 * on PostgreSQL by default. Prints figures and asserts nothing. Baseline in the same run: a bare Fastify route
 * answering `{ ok: true }` on the same machine, i.e. the floor of any request through HTTP and JSON.
 */
import { availableParallelism, cpus } from 'node:os';
import Fastify from 'fastify';
import { createTestPlatform, type TestDatabaseKind } from '@preau/core/testing';
import news from '@preau/plugin-news';
import { measure, type Figures } from './measure.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const SECONDS = Number(process.env.PREAU_BENCH_SECONDS ?? 8);
const load = { seconds: SECONDS, connections: 300, pipelining: 1 };

const platform = await createTestPlatform({ database, plugins: [news] });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ ok: true }));
try {
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const classes = [];
  for (let i = 0; i < 10; i += 1) {
    const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
    classes.push(await platform.createClass({ school, label: `Classe ${i + 1}`, teachers: [teacher], pupils: 20, relativesPerPupil: 2 }));
  }
  const groups = await platform.knex('core.groups').where({ school_id: school.id }).select('id', 'kind', 'profile', 'class_id');
  const parents = groups.find((g) => g.kind === 'school' && g.profile === 'Relative')!.id;
  const as = platform.as(director);
  for (const [title, extra] of [['Vie de l’école', classes[0]!.id], ['Restaurant scolaire', classes[1]!.id], ['Périscolaire', classes[2]!.id]] as const) {
    const classParents = groups.find((g) => g.kind === 'class' && g.class_id === extra && g.profile === 'Relative')!.id;
    const thread = await as.inject({ method: 'POST', url: '/api/news/threads', payload: { schoolId: school.id, title, shares: [{ groupId: parents, role: 'read' }, { groupId: classParents, role: 'read' }] } });
    for (let i = 0; i < 30; i += 1) {
      platform.clock.advance(60_000);
      await as.inject({ method: 'POST', url: `/api/news/threads/${thread.json().id}/items`, payload: { title: `${title} ${i}`, body: '<p>Une actualité de l’école, avec <strong>un peu</strong> de texte.</p>', action: 'publish', headline: i === 29 } });
    }
  }
  const window = { startsAt: platform.clock.now().toISOString(), endsAt: new Date(platform.clock.now().getTime() + 86_400_000).toISOString() };
  await as.inject({ method: 'POST', url: '/api/news/flash', payload: { schoolIds: [school.id], title: 'École fermée jeudi (grève)', body: '<p>Aucun accueil.</p>', colour: 'urgent', signature: 'La directrice', profiles: ['Relative'], ...window } });
  await as.inject({ method: 'POST', url: '/api/news/flash', payload: { schoolIds: [school.id], title: 'Piscine annulée', body: '', colour: 'info', signature: 'La directrice', profiles: ['Relative'], classIds: [classes[0]!.id], ...window } });
  await platform.knex.raw('analyze');

  const parent = classes[0]!.relatives[0]![0]!;
  const session = await platform.platform.sessions.create(parent.id, { ip: '127.0.0.1', userAgent: 'bench' });
  const headers = { cookie: `preau_session=${session.token}`, accept: 'application/json' };
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });
  const check = async (path: string) => {
    const response = await fetch(`${address}${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as unknown[] | { items: unknown[] };
  };
  const count = (body: unknown[] | { items: unknown[] }) => (Array.isArray(body) ? body.length : body.items.length);
  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}`);
  console.log(`one school, 10 classes × 20 pupils × 2 relatives; 3 threads × 30 items; the parent sees ${count(await check('/api/news/flash'))} flash messages, `
    + `${count(await check('/api/news/headlines'))} headlines, ${count(await check('/api/core/timeline?limit=20'))} timeline items`);
  console.log(`${load.connections} connections, ${SECONDS} s per row, one server process\n`);

  const rows: [string, Figures][] = [];
  const run = async (name: string, url: string, extra: Record<string, string> = headers) => {
    rows.push([name, await measure({ name, url, headers: extra, close: async () => {} }, load)]);
  };
  await run('baseline: bare Fastify route', `${bareAddress}/bare`, {});
  await run('GET /api/news/flash (top of home)', `${address}/api/news/flash`);
  await run('GET /api/news/headlines (widget)', `${address}/api/news/headlines`);
  await run('GET /api/core/timeline (first page)', `${address}/api/core/timeline?limit=20`);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'request'.padEnd(width)}  ${'req/s'.padStart(7)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  errors`);
  for (const [name, f] of rows) {
    console.log(`${name.padEnd(width)}  ${f.requestsPerSecond.toFixed(0).padStart(7)}  ${f.latencyP50Ms.toFixed(1).padStart(7)}  ${f.latencyP99Ms.toFixed(1).padStart(7)}  ${f.errors + f.non2xx}`);
  }
  console.log('\ntarget: p99 < 50 ms per home request on PostgreSQL (the three are fetched in parallel by the page)');
} finally {
  // Let autocannon's last requests finish before the database closes.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await bare.close();
  await platform.close();
}
