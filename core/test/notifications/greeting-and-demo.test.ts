import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { startSmtpSink } from '../../src/testing/smtp-sink.js';
import { carnet, classWithFamilies, notify, word } from './notification-fixtures.js';

const sink = await startSmtpSink();
const platform = await createTestPlatform({ plugins: [carnet], config: { smtp: { url: sink.url }, server: { publicUrl: 'https://ent.example.fr' } } });
t.teardown(async () => {
  await platform.close();
  await sink.close();
});
const school = await platform.createSchool();
const cm1 = await classWithFamilies(platform, school, 'CM1 A', 2);
const [simon, demo] = cm1.parents as [typeof cm1.parents[0], typeof cm1.parents[0]];
await platform.knex('core.users').where({ id: simon.id }).update({ first_name: 'Frédéric', last_name: 'Simon', display_name: 'SIMON Frédéric', email: 'f.simon@familles.example.fr' });
await platform.knex('core.users').where({ id: demo.id }).update({ email: 'parent.demo@familles.example.fr', demo: true });
const decoded = (raw: string): string => {
  const body = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(body, 'latin1').toString('utf8');
};

t.test('a notification email greets the parent as a French letter does, first name then surname', async (t) => {
  await notify().send(word(cm1.teacher, { groups: [cm1.groups.parents] }, 'Sortie au musée'));
  await platform.platform.notifications.drain();
  const mail = sink.mails.find((m) => m.to[0] === 'f.simon@familles.example.fr');
  t.ok(mail, 'the parent is emailed');
  t.match(decoded(Buffer.from(mail!.raw, 'utf8').toString('latin1')), 'Bonjour Frédéric SIMON,');
});

t.test('an account of the demo is never emailed, neither a notification nor a password link', async (t) => {
  t.notOk(sink.mails.some((m) => m.to[0] === 'parent.demo@familles.example.fr'), 'no notification email');
  const asked = await platform.inject({ method: 'POST', url: '/api/core/password/forgotten', payload: { login: demo.login } });
  t.ok(asked.statusCode < 300, asked.body);
  await platform.inject({ method: 'POST', url: '/api/core/password/forgotten', payload: { login: simon.login } });
  // The real parent's link arrives after the demo parent's would have: waiting for it is enough.
  const deadline = Date.now() + 10_000;
  while (!sink.mails.some((m) => m.to[0] === 'f.simon@familles.example.fr' && /nouveau mot de passe/.test(m.text)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  t.ok(sink.mails.some((m) => m.to[0] === 'f.simon@familles.example.fr' && /nouveau mot de passe/.test(m.text)), 'the real parent gets the link');
  t.notOk(sink.mails.some((m) => m.to[0] === 'parent.demo@familles.example.fr'), 'no password email either');
});

t.test("an email carries the essentials: the recipient's own lines first, then everyone's, and the timeline shows none of them", async (t) => {
  const other = cm1.parents[1]!;
  await platform.knex('core.users').where({ id: other.id }).update({ demo: false, email: 'autre@familles.example.fr' });
  const sent = await notify().send({
    ...word(cm1.teacher, { groups: [cm1.groups.parents] }, 'Piscine', '2'),
    email: { lines: ['Prévoir un maillot.', 'Question : J’autorise mon enfant'], linesFor: { [simon.id]: ['Pour : SIMON Léa (CM1 A)'], [other.id]: ['Pour : DUPUIS Tom (CM1 A)'] } },
  });
  await platform.platform.notifications.drain();
  const mine = sink.mails.filter((m) => m.to[0] === 'f.simon@familles.example.fr' && m.raw.includes(`notification-${sent.id}-`));
  t.equal(mine.length, 1);
  const text = mine[0]!.text;
  t.match(text, /Pour : SIMON Léa \(CM1 A\)\s+Prévoir un maillot\.\s+Question : J’autorise mon enfant/, 'his child and class, then the text and the question');
  t.notMatch(text, /DUPUIS Tom/, "another family's child is not in his email");
  const timeline = JSON.stringify((await platform.as(simon).inject('/api/core/timeline')).json());
  t.notMatch(timeline, /DUPUIS Tom|SIMON Léa/, 'the timeline carries no email lines');
});
