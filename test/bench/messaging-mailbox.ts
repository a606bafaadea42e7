/**
 * Messaging benchmark, on PostgreSQL by default. It prints figures and asserts nothing.
 *
 * - a: a teacher sends a message to a class group of 300 pupils (one transaction: message, 301 mailbox entries,
 *   300 notifications), one request at a time; p50/p99 of the HTTP request.
 * - b: the first inbox page of a user with 10,000 messages, under 10 concurrent connections (autocannon).
 * - c: the unread counts (`GET /api/messaging/unread`) of 200 users, 200 concurrent connections rotating over
 *   their sessions, each user with 200 messages of which about half are unread.
 *
 * Baseline in the same run: a bare Fastify app over the same sockets and the same load (a POST with the same
 * JSON body for a, a GET answering a small object through a response schema for b and c).
 */
import { availableParallelism, cpus } from 'node:os';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import { createTestPlatform, type TestDatabaseKind } from '@preau/core/testing';
import messaging from '@preau/plugin-messaging';

const progress = (message: string): void => void process.stderr.write(`${message}\n`);
const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const SENDS = Number(process.env.PREAU_BENCH_SENDS ?? 100);
const SECONDS = Number(process.env.PREAU_BENCH_SECONDS ?? 5);
const INBOX = 10_000;
const USERS = 200;

interface Timing { p50: number; p99: number; mean: number; errors: number }

function summary(samples: number[], errors: number): Timing {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), mean: samples.reduce((s, x) => s + x, 0) / samples.length, errors };
}

/** Requests one after the other over a kept-alive socket, after 10 unmeasured ones. */
async function sequential(rounds: number, call: () => Promise<Response>): Promise<Timing> {
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < 10 + rounds; i += 1) {
    const started = performance.now();
    const response = await call();
    await response.arrayBuffer();
    if (i >= 10) samples.push(performance.now() - started);
    if (!response.ok) errors += 1;
  }
  return summary(samples, errors);
}

/** autocannon in a worker thread (so it does not share the server's event loop), after a 1-second warm-up. */
async function load(url: string, connections: number, requests: { headers: Record<string, string> }[]): Promise<Timing & { rps: number }> {
  const run = (duration: number) => new Promise<autocannon.Result>((resolve, reject) => {
    // Each connection goes through `requests` in turn: with one request per user, the users rotate.
    const options = { url, connections, pipelining: 1, duration, workers: 1, requests } as autocannon.Options;
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
  await run(1);
  const result = await run(SECONDS);
  return { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean, errors: result.errors + result.non2xx, rps: result.requests.average };
}

const baseline = Fastify({ logger: false });
const Small = { type: 'object', properties: { inbox: { type: 'integer' }, total: { type: 'integer' } }, required: ['inbox', 'total'] } as const;
baseline.get('/unread', { schema: { response: { 200: Small } } }, async () => ({ inbox: 3, total: 3 }));
baseline.post('/messages', { schema: { response: { 201: { type: 'object', properties: { id: { type: 'integer' }, state: { type: 'string' } } } } } }, async (_request, reply) => reply.code(201).send({ id: 1, state: 'sent' }));
const bare = await baseline.listen({ port: 0, host: '127.0.0.1' });

const platform = await createTestPlatform({ plugins: [messaging], database });
try {
  const { knex } = platform;
  progress('seeding: a class of 300 pupils, 10,000 messages…');
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Claire' });
  const reader = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'DUPUIS Hélène' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 300 });
  const group = await knex('core.groups').where({ class_id: cm2.id, profile: 'Student' }).first('id');

  // 10,000 messages from the teacher, all in the reader's inbox; each of 200 pupils has 200 of them, half unread.
  await knex.raw(
    `insert into messaging.messages (author_id, school_id, state, subject, body, body_text, sent_at, created_at)
     select ?, ?, 'sent', 'Message ' || i, '<p>Bonjour, voici le message ' || i || '.</p>', 'Bonjour, voici le message ' || i || '.',
            now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
       from generate_series(1, ?) as i`,
    [teacher.id, school.id, INBOX],
  );
  await knex.raw('update messaging.messages set thread_id = id');
  await knex.raw(
    `insert into messaging.mailbox (user_id, message_id, role, folder, sort_at, read_at)
     select ?, id, 'to', 'inbox', sent_at, case when id % 10 = 0 then null else sent_at end from messaging.messages`,
    [reader.id],
  );
  const pupils = cm2.pupils.slice(0, USERS).map((p) => p.id);
  await knex.raw(
    `insert into messaging.mailbox (user_id, message_id, role, folder, sort_at, read_at)
     select u, m.id, 'to', 'inbox', m.sent_at, case when m.id % 2 = 0 then null else m.sent_at end
       from unnest(?::int[]) as u cross join lateral (select id, sent_at from messaging.messages where id % 50 = u % 50 limit 200) as m`,
    [pupils],
  );
  await knex.raw('analyze');
  const session = async (id: number) => platform.platform.sessions.create(id, {});
  const teacherSession = await session(teacher.id);
  const readerSession = await session(reader.id);
  const pupilSessions = await Promise.all(pupils.map(session));
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });

  const firstPage = await fetch(`${address}/api/messaging/folders/inbox/messages`, { headers: { cookie: `preau_session=${readerSession.token}` } });
  if (!firstPage.ok || (await firstPage.json()).items.length !== 30) throw new Error(`the inbox answered ${firstPage.status}`);

  const body = JSON.stringify({ to: { users: [], groups: [group.id] }, cc: { users: [], groups: [] }, bcc: { users: [], groups: [] }, subject: 'Sortie au musée jeudi', body: '<p>Chers élèves, nous irons au musée jeudi. Pensez à vos bottes.</p>', attachments: [], noReply: false });
  const headers = { 'content-type': 'application/json', cookie: `preau_session=${teacherSession.token}`, 'x-csrf-token': teacherSession.csrfToken };
  const probe = await fetch(`${address}/api/messaging/messages`, { method: 'POST', headers, body });
  if (probe.status !== 201) throw new Error(`sending answered ${probe.status}: ${await probe.text()}`);
  const delivered = await knex('messaging.mailbox').where({ message_id: (await probe.json()).id }).count<{ count: string }[]>('* as count');
  if (Number(delivered[0]!.count) !== 301) throw new Error(`the message reached ${delivered[0]!.count} mailboxes, not 301`);

  progress(`a: ${SENDS} sends to the group of 300…`);
  const sendBare = await sequential(SENDS, () => fetch(`${bare}/messages`, { method: 'POST', headers, body }));
  const send = await sequential(SENDS, () => fetch(`${address}/api/messaging/messages`, { method: 'POST', headers, body }));
  progress('b: inbox first page, 10 connections…');
  const inboxBare = await load(`${bare}/unread`, 10, [{ headers: {} }]);
  const inboxAlone = await sequential(500, () => fetch(`${address}/api/messaging/folders/inbox/messages`, { headers: { cookie: `preau_session=${readerSession.token}` } }));
  const inbox = await load(`${address}/api/messaging/folders/inbox/messages`, 10, [{ headers: { cookie: `preau_session=${readerSession.token}` } }]);
  progress('c: unread counts, 200 users on 200 connections…');
  const unreadBare = await load(`${bare}/unread`, USERS, [{ headers: {} }]);
  const unread = await load(`${address}/api/messaging/unread`, USERS, pupilSessions.map((s) => ({ headers: { cookie: `preau_session=${s.token}` } })));

  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}`);
  console.log(`a and b (1 client): ${SENDS} sends, 500 pages, one after the other after 10 warm-up; b, c: autocannon in a worker, 1 s warm-up + ${SECONDS} s; latencies of b and c in whole ms (autocannon)\n`);
  const rows: [string, Timing & { rps?: number }][] = [
    ['a  send to a group of 300 (Préau)', send],
    ['   baseline: bare Fastify POST', sendBare],
    ['b  inbox first page, 10,000 messages, 1 client', inboxAlone],
    ['b  inbox first page, 10,000 messages, 10 conn.', inbox],
    ['   baseline: bare Fastify GET, 10 conn.', inboxBare],
    ['c  unread counts, 200 users, 200 conn.', unread],
    ['   baseline: bare Fastify GET, 200 conn.', unreadBare],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'target'.padEnd(width)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'req/s'.padStart(7)}  errors`);
  for (const [name, f] of rows) console.log(`${name.padEnd(width)}  ${f.p50.toFixed(1).padStart(7)}  ${f.p99.toFixed(1).padStart(7)}  ${(f.rps?.toFixed(0) ?? '-').padStart(7)}  ${f.errors}`);
  console.log('\ntargets (PostgreSQL): a p99 < 150 ms; b p99 < 20 ms');
} finally {
  // autocannon stops at its deadline with requests still queued on the server: let them finish first.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await platform.close();
  await baseline.close();
}
