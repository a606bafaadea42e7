import t from 'tap';
import { cm2School, PISCINE } from './helpers/cm2-school.js';

const HOUR = 3_600_000;

t.test('a reminder reaches only the relatives of pupils not acknowledged yet, at most once an hour', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;
  const word = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId] } })).json();
  // Families 0 and 1 are siblings (same parents): acknowledging for the older one leaves the younger one pending.
  for (const family of [families[0]!, ...families.slice(6, 12)]) {
    await platform.as(family.relatives[0]!).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/pupils/${family.pupil.id}/acknowledgement` });
  }
  const reminded = await platform.as(teacher).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/reminders` });
  t.equal(reminded.statusCode, 201);
  t.same(reminded.json(), { pupils: 20, relatives: 2 * 20 - 2 * 2 }, '20 pupils; the parents of the pupils 1/3 and 3/5 sibling pairs counted once');
  const recipients = (await platform.sentNotifications({ app: 'liaison', type: 'reminder' })).flatMap((n) => n.recipients);
  const acknowledgedOnly = families.slice(6, 12).flatMap((f) => f.relatives.map((r) => r.id));
  t.notOk(recipients.some((id) => acknowledgedOnly.includes(id)), 'no relative of an acknowledged pupil is reminded');
  t.ok(recipients.includes(families[0]!.relatives[1]!.id), 'a parent whose other child is pending is reminded');

  const tooSoon = await platform.as(teacher).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/reminders` });
  t.equal(tooSoon.statusCode, 429);
  t.equal(tooSoon.json().code, 'LIAISON_ERR_REMINDER_TOO_SOON');
  platform.clock.advance(HOUR);
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/reminders` })).statusCode, 201, 'an hour later, again');
  const tracking = (await platform.as(teacher).inject(`/api/liaison/words/${word.id}/tracking`)).json();
  t.equal(tracking.lastReminder.pupils, 20);
});

t.test('two reminders clicked at once send one', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const word = (await s.platform.as(s.teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId] } })).json();
  const answers = await Promise.all([1, 2, 3].map(() => s.platform.as(s.teacher).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/reminders` })));
  t.same(answers.map((a) => a.statusCode).sort(), [201, 429, 429]);
});

t.test('a scheduled word is invisible to families until its time, then notifies them', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;
  const sendAt = new Date(platform.clock.now().getTime() + 20 * HOUR).toISOString();
  const word = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId], sendAt } })).json();
  t.equal(word.sentAt, null, 'not sent yet');
  const parent = families[8]!.relatives[0]!;
  t.equal((await platform.as(parent).inject(`/api/liaison/words/${word.id}/family`)).statusCode, 404, 'a parent cannot open it');
  t.same((await platform.as(parent).inject(`/api/liaison/children/${families[8]!.pupil.id}/words`)).json().words, [], 'nor see it in the notebook');
  t.equal(await platform.runScheduledJobs(), 0, 'nothing is due yet');
  const notifications = async () => (await platform.sentNotifications({ app: 'liaison', type: 'word-posted' })).length;
  t.equal(await notifications(), 0, 'nobody is notified before');

  platform.clock.advance(20 * HOUR);
  t.equal(await platform.runScheduledJobs(), 1, 'the word goes at its time');
  t.equal(await notifications(), 1);
  const seen = (await platform.as(parent).inject(`/api/liaison/children/${families[8]!.pupil.id}/words`)).json().words;
  t.equal(seen[0].id, word.id, 'then the parent sees it');
  t.equal((await platform.as(teacher).inject(`/api/liaison/words/${word.id}`)).json().counts.pupils, 27);
  t.equal(await platform.runScheduledJobs(), 0, 'and it is sent once');
});

t.test('a scheduled word moved or deleted before its time follows the change', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher } = s;
  const at = (hours: number) => new Date(platform.clock.now().getTime() + hours * HOUR).toISOString();
  const word = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId], sendAt: at(2) } })).json();
  const moved = await platform.as(teacher).inject({ method: 'PUT', url: `/api/liaison/words/${word.id}`, payload: { ...PISCINE, classIds: [s.classId], sendAt: at(5) } });
  t.equal(moved.statusCode, 200, moved.body);
  platform.clock.advance(3 * HOUR);
  t.equal(await platform.runScheduledJobs(), 0, 'not at the old time');
  platform.clock.advance(2 * HOUR);
  t.equal(await platform.runScheduledJobs(), 1, 'at the new one');

  const other = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId], sendAt: at(1) } })).json();
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/liaison/words/${other.id}` })).statusCode, 204);
  platform.clock.advance(2 * HOUR);
  t.equal(await platform.runScheduledJobs(), 0, 'a deleted word never goes');
});
