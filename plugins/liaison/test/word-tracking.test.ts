import t from 'tap';
import { cm2School, PISCINE } from './helpers/cm2-school.js';

t.test('a word to a class of 27 reaches every relative and pupil, and acknowledgements by either parent move the count', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;

  const posted = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId] } });
  t.equal(posted.statusCode, 201, posted.body);
  const word = posted.json();
  t.same(word.counts, { pupils: 27, acknowledged: 0, replies: 0, answered: 0 }, '0/27 lus');
  t.notMatch(word.body, /script/, 'the body is sanitized on the server');
  t.ok(word.sentAt, 'sent at once');

  const relatives = new Set(families.flatMap((f) => f.relatives.map((r) => r.id)));
  t.equal(relatives.size, 48, '24 families of 2 parents');
  const notified = (await platform.sentNotifications({ app: 'liaison', type: 'word-posted' })).flatMap((n) => n.recipients);
  t.same(new Set(notified), new Set([...relatives, ...families.map((f) => f.pupil.id)]), 'every relative and pupil is notified once, nobody else');
  t.equal(notified.length, 75, 'a parent of two siblings is notified once');

  // A parent of two pupils sees the word once per child, as on paper.
  const siblingParent = families[0]!.relatives[0]!;
  const perChild = await platform.as(siblingParent).inject(`/api/liaison/words/${word.id}/family`);
  t.same(perChild.json().map((w: { pupilId: number }) => w.pupilId).sort(), [families[0]!.pupil.id, families[1]!.pupil.id].sort());
  t.ok(perChild.json().every((w: { unread: boolean }) => w.unread), 'unread for that parent');

  // Parent 1 acknowledges for child 0, parent 2 for child 1 (siblings), and 5 more families.
  const ack = (relative: (typeof families)[0]['relatives'][0], pupilId: number) =>
    platform.as(relative).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/pupils/${pupilId}/acknowledgement` });
  t.equal((await ack(families[0]!.relatives[0]!, families[0]!.pupil.id)).statusCode, 201);
  t.equal((await ack(families[1]!.relatives[1]!, families[1]!.pupil.id)).statusCode, 201);
  for (const family of families.slice(10, 15)) t.equal((await ack(family.relatives[1]!, family.pupil.id)).statusCode, 201);
  const again = await ack(families[0]!.relatives[1]!, families[0]!.pupil.id);
  t.equal(again.statusCode, 200, 'the other parent acknowledging again changes nothing');
  t.equal(again.json().by.displayName, families[0]!.relatives[0]!.displayName, 'and learns who acknowledged');

  const tracking = (await platform.as(teacher).inject(`/api/liaison/words/${word.id}/tracking`)).json();
  t.equal(tracking.counts.acknowledged, 7, '7/27 lus');
  t.equal(tracking.counts.pupils, 27);
  const acknowledged = tracking.pupils.filter((p: { acknowledgement: unknown }) => p.acknowledgement);
  t.same(acknowledged.map((p: { id: number }) => p.id).sort(), [families[0]!, families[1]!, ...families.slice(10, 15)].map((f) => f.pupil.id).sort(), 'exactly those pupils');
  const second = tracking.pupils.find((p: { id: number }) => p.id === families[1]!.pupil.id);
  t.equal(second.acknowledgement.by.displayName, families[1]!.relatives[1]!.displayName, '"lu par" names the parent who acknowledged');
  t.equal(tracking.pupils.filter((p: { acknowledgement: unknown }) => !p.acknowledgement).length, 20, '20 pupils not acknowledged yet');

  // Both parents see who acknowledged for their child.
  const seenByOther = (await platform.as(families[1]!.relatives[0]!).inject(`/api/liaison/words/${word.id}/family`)).json();
  t.equal(seenByOther.find((w: { pupilId: number }) => w.pupilId === families[1]!.pupil.id).acknowledgement.by.displayName, families[1]!.relatives[1]!.displayName);

  // The list of words of the teacher carries the same counts.
  const list = (await platform.as(teacher).inject('/api/liaison/words')).json();
  t.equal(list[0].counts.acknowledged, 7);

  // The author's timeline is not flooded: one line when every family has read the word.
  const told = async () => (await platform.sentNotifications({ app: 'liaison', type: 'acknowledged' })).map((n) => ({ params: n.params }));
  t.same(await told(), [], 'no timeline line per acknowledgement');
  for (const family of families.filter((f) => !acknowledged.some((p: { id: number }) => p.id === f.pupil.id))) {
    await ack(family.relatives[0]!, family.pupil.id);
  }
  const lines = await told();
  t.equal(lines.length, 1, 'one line when the last family acknowledges');
  t.equal(lines[0]!.params.pupils, 27);
});
