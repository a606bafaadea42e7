import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { runDigests } from '../../src/notifications/digests.js';
import type { Mailer } from '../../src/mail/mailer.js';
import { startSmtpSink } from '../../src/testing/smtp-sink.js';
import { carnet, classWithFamilies, giveEmails, notify, type TestClass } from './notification-fixtures.js';
import { eventually } from './live-client.js';

const sink = await startSmtpSink();
const platform = await createTestPlatform({ plugins: [carnet], config: { smtp: { url: sink.url }, server: { publicUrl: 'https://ent.example.fr' } } });
t.teardown(async () => {
  await platform.close();
  await sink.close();
});
const school = await platform.createSchool();
const deps = platform.platform.notifications.deps;

const signed = (c: TestClass, title: string, users?: number[]) =>
  notify().send({ type: 'word-signed', recipients: users ? { users } : { groups: [c.groups.parents, c.groups.teachers] }, actor: c.pupils[0]!.id, resource: { app: 'carnet', id: title, url: `/apps/carnet/words/${encodeURIComponent(title)}` }, params: { title } });
const digestsFor = (period: string) => sink.mails.filter((m) => m.raw.includes(`Message-ID: <digest-${period}-`));
const recipientsOf = (period: string) => digestsFor(period).map((m) => m.to[0]!).sort();
const emailOf = (user: { login: string }) => `${user.login}@familles.example.fr`;

t.test('the daily digest gathers each parent’s unread items and two concurrent workers send each digest once', async (t) => {
  platform.clock.set('2026-11-26T09:00:00Z'); // Thursday 10:00 in Paris
  const cm2 = await classWithFamilies(platform, school, 'CM2 A', 8);
  await giveEmails(platform, [...cm2.parents, cm2.teacher]);
  const first = await signed(cm2, 'Autorisation de sortie');
  await signed(cm2, 'Photo de classe');
  await signed(cm2, 'Kermesse');
  const [reader, hider] = cm2.parents as [typeof cm2.parents[0], typeof cm2.parents[0]];
  await platform.as(reader).inject({ method: 'POST', url: '/api/core/timeline/read', payload: { ids: [first.id] } });
  for (const item of (await platform.as(hider).inject('/api/core/timeline')).json().items) {
    await platform.as(hider).inject({ method: 'POST', url: `/api/core/timeline/${item.id}/hide` });
  }

  platform.clock.set('2026-11-26T16:59:00Z');
  t.same(await runDigests(deps, 'daily'), { period: 'daily:2026-11-25', digests: 0, items: 0 }, 'before 18:00 the latest period is yesterday’s, empty');
  platform.clock.set('2026-11-26T17:00:00Z'); // 18:00 in Paris
  await signed(cm2, 'Après 18 h', [reader.id]);
  const [a, b] = await Promise.all([
    runDigests({ ...deps, worker: 'process-a' }, 'daily', { batchSize: 2 }),
    runDigests({ ...deps, worker: 'process-b' }, 'daily', { batchSize: 2 }),
  ]);
  t.equal(a.digests + b.digests, 7, 'every parent with something unread, the one who hid everything excepted');
  t.same(recipientsOf('daily-2026-11-26'), cm2.parents.filter((p) => p !== hider).map(emailOf).sort(), 'each once');
  t.notOk(recipientsOf('daily-2026-11-26').includes(emailOf(cm2.teacher)), 'teachers get this type weekly');

  const readerMail = digestsFor('daily-2026-11-26').find((m) => m.to[0] === emailOf(reader))!;
  t.match(readerMail.text, 'Votre résumé du jour sur Préau : 2 nouveautés');
  t.match(readerMail.text, 'a signé le mot « Photo de classe »');
  t.notMatch(readerMail.text, 'Autorisation de sortie', 'what was read is left out');
  t.notMatch(readerMail.text, 'Après 18 h', 'what came after the digest time waits for the next one');
  t.match(readerMail.text, 'https://ent.example.fr/apps/carnet/words/Kermesse');
  t.match(readerMail.raw, /Content-Type: text\/html/);
  t.match(readerMail.raw.replace(/\r?\n[ \t]+/g, ' '), /List-Unsubscribe: <https:\/\/ent\.example\.fr\/api\/core\/notifications\/unsubscribe\?token=/);

  t.same(await runDigests(deps, 'daily'), { period: 'daily:2026-11-26', digests: 0, items: 0 }, 'a second run sends nothing');
  const runs = await platform.knex('core.notification_digest_runs').where({ period: 'daily:2026-11-26' }).select('worker', 'sent_at');
  t.equal(runs.length, 8);
  t.ok(runs.every((r: { sent_at: Date | null }) => r.sent_at), 'every claim done');
  t.same(new Set(runs.map((r: { worker: string }) => r.worker)), new Set(['process-a', 'process-b']), 'both workers took a share');
  const states = await platform.knex('core.notification_recipients').where({ notification_id: first.id }).select('user_id', 'email_state');
  t.equal(states.find((s: { user_id: number }) => s.user_id === reader.id).email_state, 'skipped');
  t.equal(states.find((s: { user_id: number }) => s.user_id === cm2.parents[2]!.id).email_state, 'sent');

  platform.clock.set('2026-11-27T17:00:00Z'); // Friday 18:00: the next daily digest, and the weekly one
  t.match(await runDigests(deps, 'daily'), { period: 'daily:2026-11-27', digests: 1, items: 1 });
  t.same(recipientsOf('daily-2026-11-27'), [emailOf(reader)]);
  t.match(await runDigests(deps, 'weekly'), { period: 'weekly:2026-11-27', digests: 1, items: 3 });
  t.same(recipientsOf('weekly-2026-11-27'), [emailOf(cm2.teacher)]);
  t.match(digestsFor('weekly-2026-11-27')[0]!.text, 'Votre résumé de la semaine sur Préau : 3 nouveautés');
});

t.test('a digest run that crashed mid-way is resumed by another process without sending anything twice', async (t) => {
  platform.clock.set('2026-11-30T09:00:00Z'); // Monday
  const ce2 = await classWithFamilies(platform, school, 'CE2 B', 10);
  await giveEmails(platform, ce2.parents);
  await signed(ce2, 'Piscine', ce2.parents.map((p) => p.id));
  platform.clock.set('2026-11-30T17:00:00Z');

  // Process A hands three digests to SMTP, then dies: its fourth send never returns.
  let handed = 0;
  const dying: Mailer = {
    send: (mail) => (++handed <= 3 ? platform.platform.mailer.send(mail) : new Promise<void>(() => {})),
    close() {},
  };
  void runDigests({ ...deps, mailer: dying, worker: 'process-a' }, 'daily', { batchSize: 4 });
  await eventually(async () => (await platform.knex('core.notification_digest_runs').where({ period: 'daily:2026-11-30' }).whereNotNull('sent_at').count({ n: '*' }).first())!.n == 3);
  t.equal(digestsFor('daily-2026-11-30').length, 3);

  // Process B runs at once: A's claims are still leased, the rest is B's.
  const claimedByA = Number((await platform.knex('core.notification_digest_runs').where({ period: 'daily:2026-11-30', worker: 'process-a' }).count({ n: '*' }).first())!.n);
  t.ok(claimedByA > 3, 'A had claimed more than it sent');
  const b = await runDigests({ ...deps, worker: 'process-b' }, 'daily', { batchSize: 4 });
  t.equal(b.digests, 10 - claimedByA, 'B sends the users A never claimed');
  platform.clock.set('2026-11-30T17:11:00Z'); // A's lease (10 minutes) is over
  const resumed = await runDigests({ ...deps, worker: 'process-b' }, 'daily', { batchSize: 4 });
  t.equal(resumed.digests, claimedByA - 3, 'B takes over what A claimed and did not send');
  t.same(recipientsOf('daily-2026-11-30'), ce2.parents.map(emailOf).sort(), 'every parent exactly once');
  t.same((await runDigests(deps, 'daily')).digests, 0);
});

t.test('someone whose quiet hours cover the digest time gets it when they end', async (t) => {
  platform.clock.set('2026-12-01T09:00:00Z'); // Tuesday
  const cp = await classWithFamilies(platform, school, 'CP C', 1);
  const parent = cp.parents[0]!;
  await giveEmails(platform, [parent]);
  await platform.as(parent).inject({ method: 'PUT', url: '/api/core/me/notification-preferences', payload: { quietHours: { enabled: true, start: '17:00', end: '19:30', weekends: true } } });
  await signed(cp, 'Goûter', [parent.id]);
  platform.clock.set('2026-12-01T17:00:00Z');
  t.equal((await runDigests(deps, 'daily')).digests, 0, 'quiet at 18:00');
  platform.clock.set('2026-12-01T18:30:00Z');
  t.match(await runDigests(deps, 'daily'), { period: 'daily:2026-12-01', digests: 1 }, 'sent at 19:30');
});

t.test('each item of a digest has its line of detail, the recipient’s own first, cut short when long', async (t) => {
  platform.clock.set('2026-12-02T09:00:00Z'); // Wednesday
  const cm1 = await classWithFamilies(platform, school, 'CM1 D', 2);
  const [simon, dupuis] = cm1.parents as [typeof cm1.parents[0], typeof cm1.parents[0]];
  await giveEmails(platform, [simon, dupuis]);
  const resource = (id: string) => ({ app: 'carnet', id, url: `/apps/carnet/words/${id}` });
  await notify().send({
    type: 'word-signed', recipients: { users: [simon.id, dupuis.id] }, actor: cm1.teacher.id, resource: resource('piscine'), params: { title: 'Piscine' },
    email: { lines: ['Prévoir un maillot et une serviette.', 'Question : J’autorise mon enfant'], linesFor: { [simon.id]: ['Pour : SIMON Léa (CM1 D)'], [dupuis.id]: ['Pour : DUPUIS Tom (CM1 D)'] } },
  });
  await notify().send({
    type: 'word-signed', recipients: { users: [simon.id] }, actor: cm1.teacher.id, resource: resource('long'), params: { title: 'Sortie' },
    email: { lines: [`Le car partira à 8 h 15 ${'et reviendra vers 17 h devant le portail de l’école '.repeat(5)}fin`] },
  });
  await notify().send({ type: 'word-signed', recipients: { users: [simon.id] }, actor: cm1.teacher.id, resource: resource('bare'), params: { title: 'Kermesse' } });

  platform.clock.set('2026-12-02T17:00:00Z');
  t.match(await runDigests(deps, 'daily'), { period: 'daily:2026-12-02', digests: 2 });
  const mailTo = (user: { login: string }) => digestsFor('daily-2026-12-02').find((m) => m.to[0] === emailOf(user))!;
  const simonMail = mailTo(simon);
  t.match(simonMail.text, /a signé le mot « Piscine » \(.*\)\r?\n {2}Pour : SIMON Léa \(CM1 D\) · Prévoir un maillot et une serviette\. · Question : J’autorise mon enfant\r?\n {2}https:\/\/ent\.example\.fr\/apps\/carnet\/words\/piscine/,
    'the item, its detail line (the child first), then its link');
  t.notMatch(simonMail.text, 'DUPUIS Tom', 'another family’s child is never named');
  t.match(mailTo(dupuis).text, 'Pour : DUPUIS Tom (CM1 D) · Prévoir un maillot');
  const long = /« Sortie » \(.*\)\r?\n {2}(.*?)\r?\n/.exec(simonMail.text)![1]!;
  t.ok(long.length <= 161 && long.endsWith('…') && !long.includes(' fin'), `a long detail is cut at a word (${long.length} characters)`);
  t.match(simonMail.text, /« Kermesse » \(.*\)\r?\n {2}https:/, 'an item without detail has no empty line');
  t.match(simonMail.text, /<br><span>Pour : SIMON Léa \(CM1 D\) · Prévoir un maillot et une serviette\. · Question : J’autorise mon enfant/, 'the HTML part has it too');
});
