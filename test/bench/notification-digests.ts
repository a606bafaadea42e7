/**
 * Digest benchmark: the daily digest of an academy, 100,000 users with pending notifications (3 each by
 * default) on PostgreSQL, built and handed to a mailer that keeps nothing (no SMTP: what is measured is the
 * claim, the reads, the rendering and the bookkeeping). Baseline in the same run: rendering the same number of
 * digests of the same size from memory with plain string templates, no database. Then the same digests are
 * built again by two concurrent workers, to show that claiming splits the work and sends each digest once. It
 * prints figures and asserts nothing.
 */
import { availableParallelism, cpus } from 'node:os';
import { createTestPlatform } from '@preau/core/testing';
import benchPlugin from './notification-bench-plugin.js';

const progress = (message: string): void => void process.stderr.write(`${message}\n`);
const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const USERS = positive('PREAU_BENCH_DIGEST_USERS', 100_000);
const ITEMS = positive('PREAU_BENCH_DIGEST_ITEMS', 3);
// Each notification goes to this many users (a class's parents), so users × items / this notifications.
const PER_NOTIFICATION = 50;

interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

function countingMailer() {
  const seen = new Map<string, number>();
  let bytes = 0;
  return {
    seen,
    get bytes() {
      return bytes;
    },
    async send(mail: Mail) {
      seen.set(mail.to, (seen.get(mail.to) ?? 0) + 1);
      bytes += mail.text.length + (mail.html?.length ?? 0);
    },
    close() {},
  };
}

function bareRender(users: number, items: number): { seconds: number; bytes: number } {
  const started = performance.now();
  let bytes = 0;
  for (let u = 0; u < users; u += 1) {
    let text = `Bonjour PARENT ${u},\n\nVotre résumé du jour : ${items} nouveautés.\n`;
    let html = `<p>Bonjour PARENT ${u},</p><ul>`;
    for (let i = 0; i < items; i += 1) {
      const line = `Mme BANC a écrit un mot : Sortie numéro ${i}`;
      const link = `https://ent.example.fr/apps/bench-notify/words/${u}-${i}`;
      text += `- ${line}\n  ${link}\n`;
      html += `<li><a href="${link}">${line}</a></li>`;
    }
    html += '</ul>';
    bytes += text.length + html.length;
  }
  return { seconds: (performance.now() - started) / 1000, bytes };
}

const platform = await createTestPlatform({ database: 'postgres', plugins: [benchPlugin], config: { server: { publicUrl: 'https://ent.example.fr' } } });
try {
  const { knex } = platform;
  progress(`seeding ${USERS.toLocaleString('en')} users with ${ITEMS} pending notifications each`);
  const seedStarted = performance.now();
  const [teacher] = await knex('core.users').insert({ login: 'enseignant.banc', display_name: 'Mme BANC', profile: 'Teacher', state: 'active' }).returning('id');
  await knex.raw(
    `insert into core.users (login, display_name, profile, state, email)
     select 'parent.' || i, 'PARENT ' || i, 'Relative', 'active', 'parent.' || i || '@familles.example.fr' from generate_series(1, ?) as i`,
    [USERS],
  );
  const { first, last } = (await knex.raw(`select min(id) as first, max(id) as last from core.users where profile = 'Relative'`)).rows[0];
  const classes = Math.ceil(USERS / PER_NOTIFICATION);
  const notifications = classes * ITEMS;
  const created = new Date('2026-11-26T09:00:00Z');
  await knex.raw(
    `insert into core.notifications (app, type, actor_id, resource, params, created_at)
     select 'bench-notify', 'word-posted', ?, jsonb_build_object('app', 'bench-notify', 'id', n::text, 'url', '/apps/bench-notify/words/' || n),
            jsonb_build_object('title', 'Sortie numéro ' || n), ? from generate_series(1, ?) as n`,
    [teacher.id, created, notifications],
  );
  const firstNotification = (await knex('core.notifications').min({ id: 'id' }).first())!.id as number;
  // User k's item i is notification i × classes + k / PER_NOTIFICATION: consecutive users share them, like a class.
  await knex.raw(
    `insert into core.notification_recipients (user_id, notification_id, delivery, email_state, created_at)
     select ? + k, ? + i * ? + k / ?, 'daily', 'digest', ? from generate_series(0, ? - 1) as k, generate_series(0, ? - 1) as i`,
    [first, firstNotification, classes, PER_NOTIFICATION, created, last - first + 1, ITEMS],
  );
  await knex.raw('analyze core.notification_recipients');
  await knex.raw('analyze core.users');
  progress(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  platform.clock.set('2026-11-26T17:00:00Z'); // Thursday 18:00 in Paris: the daily digest is due
  const center = platform.platform.notifications;

  const baseline = bareRender(USERS, ITEMS);
  progress(`bare render: ${baseline.seconds.toFixed(2)} s`);

  const mailer = countingMailer();
  const started = performance.now();
  const report = await center.runDigests('daily', { mailer, worker: 'bench-1' });
  const seconds = (performance.now() - started) / 1000;
  progress(`one worker: ${report.digests} digests in ${seconds.toFixed(1)} s`);

  // Again, for the next day, with two workers at once over the same pending items.
  await knex('core.notification_recipients').update({ email_state: 'digest' });
  platform.clock.set('2026-11-27T17:00:00Z');
  const twoMailers = [countingMailer(), countingMailer()];
  const twoStarted = performance.now();
  const two = await Promise.all(twoMailers.map((m, i) => center.runDigests('daily', { mailer: m, worker: `bench-${i + 2}` })));
  const twoSeconds = (performance.now() - twoStarted) / 1000;
  const sentTwice = [...twoMailers[0]!.seen.keys()].filter((to) => twoMailers[1]!.seen.has(to)).length;

  console.log(`node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), PostgreSQL on loopback`);
  console.log(`${USERS.toLocaleString('en')} users × ${ITEMS} pending items (${notifications.toLocaleString('en')} notifications), batches of ${platform.platform.config.notifications.digestBatchSize}`);
  console.log('');
  console.log('| target | digests | time | digests/s | MB rendered |');
  console.log('|---|---|---|---|---|');
  console.log(`| a. bare render from memory (string templates, no database) | ${USERS.toLocaleString('en')} | ${baseline.seconds.toFixed(2)} s | ${Math.round(USERS / baseline.seconds).toLocaleString('en')} | ${(baseline.bytes / 1e6).toFixed(0)} |`);
  console.log(`| b. Préau daily digest, one worker (claim, read, render text + HTML, mark sent) | ${report.digests.toLocaleString('en')} | ${seconds.toFixed(1)} s | ${Math.round(report.digests / seconds).toLocaleString('en')} | ${(mailer.bytes / 1e6).toFixed(0)} |`);
  console.log(`| c. the same, two concurrent workers | ${(two[0]!.digests + two[1]!.digests).toLocaleString('en')} (${two[0]!.digests.toLocaleString('en')} + ${two[1]!.digests.toLocaleString('en')}) | ${twoSeconds.toFixed(1)} s | ${Math.round((two[0]!.digests + two[1]!.digests) / twoSeconds).toLocaleString('en')} | ${((twoMailers[0]!.bytes + twoMailers[1]!.bytes) / 1e6).toFixed(0)} |`);
  console.log('');
  console.log(`b: ${USERS.toLocaleString('en')} digests in ${seconds.toFixed(1)} s (target < 60 s); b/a: ${(seconds / baseline.seconds).toFixed(1)}×; sent by both workers in c: ${sentTwice}`);
} finally {
  await platform.close();
}
