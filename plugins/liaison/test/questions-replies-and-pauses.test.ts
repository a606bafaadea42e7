import t from 'tap';
import { PDFDocument } from 'pdf-lib';
import { cm2School, PISCINE } from './helpers/cm2-school.js';

const DAY = 86_400_000;

t.test("the question's answers are counted per pupil, changeable until the deadline, and families are reminded the day before", async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;
  const deadline = new Date(platform.clock.now().getTime() + 3 * DAY).toISOString();
  const word = (await platform.as(teacher).inject({
    method: 'POST', url: '/api/liaison/words',
    payload: { ...PISCINE, classIds: [s.classId], question: { kind: 'choice', prompt: 'Créneau de rendez-vous', options: ['Lundi 16 h 30', 'Mardi 17 h', 'Jeudi 16 h 45'], deadline } },
  })).json();
  const answer = (family: (typeof families)[0], choice: number, parent = 0) =>
    platform.as(family.relatives[parent]!).inject({ method: 'PUT', url: `/api/liaison/words/${word.id}/pupils/${family.pupil.id}/answer`, payload: { choice } });
  const [posted] = await platform.sentNotifications({ app: 'liaison', type: 'word-posted' });
  const parentId = families[0]!.relatives[0]!.id;
  t.match(posted!.emailDetails!.linesFor![parentId], [new RegExp(`^Pour : ${families[0]!.pupil.displayName} \\(`)], "each parent's email names their child and class");
  t.match(posted!.emailDetails!.lines, [/\S/, 'Question : Créneau de rendez-vous', /^Réponse attendue avant le /], 'then the first lines, the question and its deadline');
  for (const family of families.slice(6, 10)) t.equal((await answer(family, 0)).statusCode, 200);
  t.equal((await answer(families[10]!, 2)).statusCode, 200);
  t.equal((await answer(families[6]!, 1, 1)).statusCode, 200, 'the other parent changes the answer');
  t.equal((await answer(families[11]!, 3)).json().code, 'LIAISON_ERR_ANSWER', 'a choice outside the options is refused');
  const tracking = (await platform.as(teacher).inject(`/api/liaison/words/${word.id}/tracking`)).json();
  t.same(tracking.answers, [{ option: 'Lundi 16 h 30', count: 3 }, { option: 'Mardi 17 h', count: 1 }, { option: 'Jeudi 16 h 45', count: 1 }]);
  t.equal(tracking.counts.answered, 5);
  t.equal(tracking.pupils.find((p: { id: number }) => p.id === families[6]!.pupil.id).answer.by.displayName, families[6]!.relatives[1]!.displayName);

  platform.clock.advance(2 * DAY + 3_600_000);
  t.equal(await platform.runScheduledJobs(), 1, 'the deadline reminder runs a day before');
  const reminded = (await platform.sentNotifications({ app: 'liaison', type: 'question-deadline' })).flatMap((n) => n.recipients);
  t.notOk(reminded.includes(families[7]!.relatives[0]!.id), 'families who answered are not reminded');
  t.ok(reminded.includes(families[12]!.relatives[0]!.id), 'those who did not are');
  platform.clock.advance(DAY);
  t.equal((await answer(families[12]!, 0)).json().code, 'LIAISON_ERR_ANSWER', 'after the deadline, answers are closed');
});

t.test('replies go between one family and the staff, and a paused class notebook closes them', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;
  const word = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId] } })).json();
  const family = families[8]!;
  const url = `/api/liaison/words/${word.id}/pupils/${family.pupil.id}/replies`;
  const posted = await platform.as(family.relatives[0]!).inject({ method: 'POST', url, payload: { body: '<p>Il a un certificat médical.</p><img src=x onerror=alert(1)>' } });
  t.equal(posted.statusCode, 201, posted.body);
  t.notMatch(posted.json().body, /onerror/, 'sanitized');
  t.ok(posted.json().editable, 'editable by its author for a while');
  t.equal((await platform.as(teacher).inject({ method: 'POST', url, payload: { body: '<p>Merci, bien noté.</p>' } })).statusCode, 201, 'the teacher answers');
  t.equal((await platform.as(family.relatives[1]!).inject(url)).json().length, 2, 'the other parent of the child sees the conversation');
  t.equal((await platform.as(families[9]!.relatives[0]!).inject(url)).statusCode, 403, 'another family does not');
  const replyNotified = (await platform.sentNotifications({ app: 'liaison', type: 'reply' })).flatMap((n) => n.recipients);
  t.ok(replyNotified.includes(teacher.id) && replyNotified.includes(family.relatives[1]!.id), "the author hears of the family's reply, the family of the teacher's");

  platform.clock.advance(16 * 60_000);
  const late = await platform.as(family.relatives[0]!).inject({ method: 'PATCH', url: `/api/liaison/replies/${posted.json().id}`, payload: { body: '<p>Modifié</p>' } });
  t.equal(late.json().code, 'LIAISON_ERR_REPLY_LOCKED', 'after 15 minutes a reply is kept as it is');

  const pause = await platform.as(teacher).inject({ method: 'PUT', url: `/api/liaison/classes/${s.classId}/pause`, payload: { until: '2026-12-31', reason: 'Vacances de Noël' } });
  t.equal(pause.statusCode, 204);
  const refused = await platform.as(family.relatives[0]!).inject({ method: 'POST', url, payload: { body: '<p>Encore une question</p>' } });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'LIAISON_ERR_PAUSED');
  t.match(refused.json().message, /31 décembre|2026-12-31/);
  const seen = (await platform.as(family.relatives[0]!).inject(`/api/liaison/words/${word.id}/family`)).json()[0];
  t.same(seen.paused, { until: '2026-12-31', reason: 'Vacances de Noël' }, 'the family sees why');
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/liaison/classes/${s.classId}/pause` })).statusCode, 204);
  t.equal((await platform.as(family.relatives[0]!).inject({ method: 'POST', url, payload: { body: '<p>Merci</p>' } })).statusCode, 201, 'replies open again');

  const closed = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId], repliesAllowed: false } })).json();
  const noReply = await platform.as(family.relatives[0]!).inject({ method: 'POST', url: `/api/liaison/words/${closed.id}/pupils/${family.pupil.id}/replies`, payload: { body: '<p>?</p>' } });
  t.equal(noReply.json().code, 'LIAISON_ERR_REPLIES_CLOSED');
});

t.test('an edited word shows "modifié" to those who read it, copies go to another class, and deleting removes it', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families, director } = s;
  const word = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId] } })).json();
  const reader = families[8]!;
  await platform.as(reader.relatives[0]!).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/pupils/${reader.pupil.id}/read` });
  platform.clock.advance(60_000);
  const edited = await platform.as(teacher).inject({ method: 'PUT', url: `/api/liaison/words/${word.id}`, payload: { ...PISCINE, title: 'Sortie à la piscine (horaires changés)', classIds: [s.classId] } });
  t.equal(edited.statusCode, 200, edited.body);
  const [mine] = (await platform.as(reader.relatives[0]!).inject(`/api/liaison/words/${word.id}/family`)).json();
  t.ok(mine.modified, 'the parent who had read it sees "modifié"');
  t.notOk(mine.unread);
  const [other] = (await platform.as(families[9]!.relatives[0]!).inject(`/api/liaison/words/${word.id}/family`)).json();
  t.notOk(other.modified, 'a parent who had not read it just sees it unread');
  t.ok(other.unread);
  const moved = await platform.as(teacher).inject({ method: 'PUT', url: `/api/liaison/words/${word.id}`, payload: { ...PISCINE, classIds: [s.otherClassId] } });
  t.equal(moved.json().code, 'LIAISON_ERR_AUDIENCE_FIXED', 'a sent word keeps its recipients');
  t.equal((await platform.as(s.otherTeacher).inject({ method: 'PUT', url: `/api/liaison/words/${word.id}`, payload: { ...PISCINE, classIds: [s.classId] } })).statusCode, 404, 'a teacher who does not follow it cannot change it');

  const copy = await platform.as(director).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/copy`, payload: { classIds: [s.otherClassId] } });
  t.equal(copy.statusCode, 201, copy.body);
  t.equal(copy.json().counts.pupils, 1, 'the copy reaches the other class');
  t.equal((await platform.as(s.otherParent).inject(`/api/liaison/words/${copy.json().id}/family`)).statusCode, 200);

  t.equal((await platform.as(director).inject({ method: 'DELETE', url: `/api/liaison/words/${word.id}` })).statusCode, 204, 'the direction may delete it');
  t.equal((await platform.as(reader.relatives[0]!).inject(`/api/liaison/words/${word.id}/family`)).statusCode, 404, 'gone for families');
});

t.test('the launcher badge counts unread words per child, and the slips print one per pupil', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;
  const first = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId] } })).json();
  await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, title: 'Réunion', classIds: [s.classId] } });
  const parent = families[0]!.relatives[0]!;
  const badge = async () => (await platform.as(parent).inject('/api/core/apps')).json().find((a: { name: string }) => a.name === 'liaison').badge;
  t.same(await badge(), { count: 4, byChild: { [families[0]!.pupil.id]: 2, [families[1]!.pupil.id]: 2 } }, 'two words for each of two children');
  await platform.as(parent).inject({ method: 'POST', url: `/api/liaison/words/${first.id}/pupils/${families[0]!.pupil.id}/read` });
  t.equal((await badge()).count, 3, 'reading one for one child lowers the count');
  const children = (await platform.as(parent).inject('/api/liaison/children')).json();
  t.same(children.map((c: { unread: number }) => c.unread).sort(), [1, 2]);

  const pdf = await platform.as(teacher).inject(`/api/liaison/words/${first.id}/slips.pdf`);
  t.equal(pdf.statusCode, 200);
  t.equal(pdf.headers['content-type'], 'application/pdf');
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const document = await PDFDocument.load(pdf.rawPayload);
  t.equal(document.getPageCount(), 9, '27 slips, three a page');
});
