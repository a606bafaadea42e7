import t from 'tap';
import ICAL from 'ical.js';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import plugin from '../src/index.js';

// One real Préau for the whole file (PGlite, or PostgreSQL with PREAU_TEST_DATABASE=postgres).
let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [plugin] });
});
t.teardown(() => platform.close());

interface Slot { id: number; start: string; end: string; booked: boolean; pupil: { id: number; displayName: string } | null; bookedBy: string | null }
interface Round { id: number; title: string; slots: number; booked: number; open: boolean; manager: boolean; children: { id: number; slot: string | null }[]; slotList: Slot[]; notBooked: { id: number }[] }

/** A day `n` days after the platform's today, as 'YYYY-MM-DD' (Paris). */
const dayIn = (n: number) => new Date(platform.clock.now().getTime() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

async function school(families = 3, relativesPerPupil = 1) {
  const s = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const cm2 = await platform.createClass({ school: s, label: 'CM2', teachers: [teacher], pupils: families, relativesPerPupil });
  const other = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const ce1 = await platform.createClass({ school: s, label: 'CE1', teachers: [other], pupils: 1, relativesPerPupil: 1 });
  return { s, teacher, cm2, other, ce1, parents: cm2.relatives.map((r) => r[0]!), otherParent: ce1.relatives[0]![0]! };
}

async function open(teacher: TestUser, classId: number, extra: Record<string, unknown> = {}) {
  const response = await platform.as(teacher).inject({ method: 'POST', url: '/api/agenda/meetings', payload: {
    classId, title: 'Rencontres du premier trimestre', place: 'Salle de CM2', durationMinutes: 15,
    bookUntil: new Date(platform.clock.now().getTime() + 5 * 86_400_000).toISOString(),
    days: [{ day: dayIn(7), from: '16:30', to: '18:30' }, { day: dayIn(14), from: '16:30', to: '18:30' }],
    ...extra,
  } });
  return response;
}

const detail = async (user: TestUser, id: number) => (await platform.as(user).inject(`/api/agenda/meetings/${id}`)).json() as Round;
const book = (user: TestUser, round: number, slotId: number, pupilId: number) =>
  platform.as(user).inject({ method: 'PUT', url: `/api/agenda/meetings/${round}/booking`, payload: { slotId, pupilId } });

t.test('a teacher opens Tuesday-like slots over two weeks: the class’s families are told, nobody else sees them', async (t) => {
  const { teacher, cm2, other, otherParent, parents } = await school();
  const created = await open(teacher, cm2.id);
  t.equal(created.statusCode, 201, 'opened');
  const round = created.json() as Round;
  t.equal(round.slots, 16, 'two afternoons of 16:30–18:30 in 15 minutes');
  t.same(round.slotList.slice(0, 2).map((s) => [s.start.slice(11), s.end.slice(11)]), [['16:30', '16:45'], ['16:45', '17:00']]);
  t.equal(round.notBooked.length, 3);
  const timeline = (await platform.as(parents[0]!).inject('/api/core/timeline')).json() as { items: { type: string; text: string }[] };
  t.match(timeline.items[0], { type: 'meeting-opened', text: /propose des rendez-vous : Rencontres du premier trimestre/ });
  t.match((await platform.as(parents[0]!).inject('/api/agenda/meetings')).json(), [{ id: round.id, manager: false, children: [{ id: cm2.pupils[0]!.id, slot: null }] }]);
  for (const outsider of [otherParent, other, cm2.pupils[0]!]) {
    t.equal((await platform.as(outsider).inject(`/api/agenda/meetings/${round.id}`)).statusCode, 404);
    t.same((await platform.as(outsider).inject('/api/agenda/meetings')).json(), []);
  }
  t.equal((await open(other, cm2.id)).statusCode, 403, "another class's teacher cannot open slots for the CM2");
  t.equal((await open(parents[0]!, cm2.id)).statusCode, 403);
  const past = await open(teacher, cm2.id, { days: [{ day: dayIn(-1), from: '16:30', to: '17:00' }] });
  t.equal(past.statusCode, 400);
  t.match(past.json(), { code: 'AGENDA_ERR_MEETING_SLOTS', message: /déjà passé/ });
  t.equal((await open(teacher, cm2.id, { days: [{ day: dayIn(3), from: '17:00', to: '16:00' }] })).statusCode, 400);
});

t.test('a family books one slot, moves it, and another family is told at once when the slot is taken', async (t) => {
  const { teacher, cm2, parents } = await school(2, 2);
  const round = (await open(teacher, cm2.id)).json() as Round;
  const [first, second] = round.slotList;
  const [pupilA, pupilB] = cm2.pupils;
  const mother = cm2.relatives[0]![0]!;
  const father = cm2.relatives[0]![1]!;
  const booked = await book(mother, round.id, first!.id, pupilA!.id);
  t.equal(booked.statusCode, 200, 'booked');
  t.equal((booked.json() as Round).children[0]!.slot, first!.start);
  t.match((await detail(father, round.id)).children, [{ id: pupilA!.id, slot: first!.start }], 'either parent sees the family’s slot');

  const taken = await book(parents[1]!, round.id, first!.id, pupilB!.id);
  t.equal(taken.statusCode, 409);
  t.match(taken.json(), { code: 'AGENDA_ERR_SLOT_TAKEN', message: /vient d'être réservé par une autre famille/ });
  const seenByOther = await detail(parents[1]!, round.id);
  t.same(seenByOther.slotList[0], { ...seenByOther.slotList[0], booked: true, pupil: null, bookedBy: null }, 'another family sees it taken, not by whom');
  t.equal((await book(parents[1]!, round.id, first!.id, pupilA!.id)).statusCode, 404, 'a child who is not theirs');

  t.equal((await book(father, round.id, second!.id, pupilA!.id)).statusCode, 200, 'the other parent moves the slot');
  const after = await detail(teacher, round.id);
  t.same(after.slotList.filter((s) => s.booked).map((s) => [s.id, s.pupil?.id, s.bookedBy]), [[second!.id, pupilA!.id, father.displayName]], 'one slot per family: the first is free again');
  t.same(after.notBooked.map((p) => p.id), [pupilB!.id]);

  const cancelled = await platform.as(mother).inject({ method: 'DELETE', url: `/api/agenda/meetings/${round.id}/booking?pupilId=${pupilA!.id}` });
  t.equal(cancelled.statusCode, 200);
  t.equal((cancelled.json() as Round).booked, 0);
});

t.test('many families racing for the last slot: exactly one wins, the others are told; two parents of one child end with one slot', async (t) => {
  const { teacher, cm2 } = await school(8, 2);
  const round = (await open(teacher, cm2.id, { days: [{ day: dayIn(7), from: '16:30', to: '17:00' }] })).json() as Round;
  const last = round.slotList.at(-1)!;
  const answers = await Promise.all(cm2.pupils.map((pupil, i) => book(cm2.relatives[i]![0]!, round.id, last.id, pupil.id)));
  t.equal(answers.filter((a) => a.statusCode === 200).length, 1, 'one winner');
  t.same(answers.filter((a) => a.statusCode !== 200).map((a) => a.json().code), Array(7).fill('AGENDA_ERR_SLOT_TAKEN'));
  const first = round.slotList[0]!;
  const loser = cm2.pupils.findIndex((_, i) => answers[i]!.statusCode !== 200);
  const both = await Promise.all([0, 1].map((parent) => book(cm2.relatives[loser]![parent]!, round.id, parent === 0 ? first.id : last.id, cm2.pupils[loser]!.id)));
  t.ok(both.some((a) => a.statusCode === 200), 'one of the two parents books');
  const held = (await platform.knex('agenda.meeting_slots').where({ round_id: round.id, pupil_id: cm2.pupils[loser]!.id }).select('id')).length;
  t.equal(held, 1, 'the child holds exactly one slot');
});

t.test('the teacher reminds the families who have not booked, once an hour; after the deadline nothing moves', async (t) => {
  const { teacher, cm2, parents } = await school(3);
  const round = (await open(teacher, cm2.id)).json() as Round;
  await book(parents[0]!, round.id, round.slotList[0]!.id, cm2.pupils[0]!.id);
  const reminded = await platform.as(teacher).inject({ method: 'POST', url: `/api/agenda/meetings/${round.id}/reminders` });
  t.same(reminded.json(), { reminded: 2 });
  const textOf = async (user: TestUser) => ((await platform.as(user).inject('/api/core/timeline')).json() as { items: { type: string; text: string }[] }).items[0]!;
  t.match(await textOf(parents[1]!), { type: 'meeting-reminder', text: /Pensez à choisir un créneau pour « Rencontres du premier trimestre »/ });
  t.match(await textOf(parents[0]!), { type: 'meeting-opened' }, 'the family that booked is not reminded');
  const again = await platform.as(teacher).inject({ method: 'POST', url: `/api/agenda/meetings/${round.id}/reminders` });
  t.equal(again.statusCode, 429);
  t.match(again.json(), { message: /prochain est possible dans 60 min/ });
  t.equal((await platform.as(parents[0]!).inject({ method: 'POST', url: `/api/agenda/meetings/${round.id}/reminders` })).statusCode, 403);

  platform.clock.advance(6 * 86_400_000);
  const late = await book(parents[1]!, round.id, round.slotList[1]!.id, cm2.pupils[1]!.id);
  t.equal(late.statusCode, 409);
  t.match(late.json(), { code: 'AGENDA_ERR_BOOKING_CLOSED', message: /Les réservations sont closes/ });
  t.equal((await platform.as(parents[0]!).inject({ method: 'DELETE', url: `/api/agenda/meetings/${round.id}/booking?pupilId=${cm2.pupils[0]!.id}` })).statusCode, 409);
  platform.clock.advance(-6 * 86_400_000);
});

t.test('a booked slot shows in the teacher’s and the family’s calendars and in the family’s iCal subscription, nobody else’s', async (t) => {
  const { teacher, cm2, parents } = await school(2);
  const round = (await open(teacher, cm2.id)).json() as Round;
  const slot = round.slotList[2]!;
  await book(parents[0]!, round.id, slot.id, cm2.pupils[0]!.id);
  const from = new Date(platform.clock.now().getTime()).toISOString();
  const to = new Date(platform.clock.now().getTime() + 20 * 86_400_000).toISOString();
  const eventsOf = async (user: TestUser) => ((await platform.as(user).inject(`/api/agenda/events?from=${from}&to=${to}`)).json() as { occurrences: { title: string; start: string; canEdit: boolean; place: string }[] }).occurrences;
  t.match(await eventsOf(parents[0]!), [{ title: `Rendez-vous : Rencontres du premier trimestre (${cm2.pupils[0]!.displayName})`, start: slot.start, canEdit: false, place: 'Salle de CM2' }]);
  t.match(await eventsOf(teacher), [{ title: `Rendez-vous : famille de ${cm2.pupils[0]!.displayName}`, start: slot.start, canEdit: false }]);
  t.same(await eventsOf(parents[1]!), [], "another family of the class does not see it");

  const made = await platform.as(parents[0]!).inject({ method: 'POST', url: '/api/agenda/feed' });
  const { path } = made.json() as { path: string };
  const feed = await platform.inject(path);
  const calendar = new ICAL.Component(ICAL.parse(feed.body));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  t.match(events.map((e) => [e.summary, e.startDate.toString().slice(0, 16)]), [[/^Rendez-vous : Rencontres/, slot.start]]);
  const etag = feed.headers.etag as string;
  await platform.as(parents[0]!).inject({ method: 'PUT', url: `/api/agenda/meetings/${round.id}/booking`, payload: { slotId: round.slotList[3]!.id, pupilId: cm2.pupils[0]!.id } });
  t.equal((await platform.inject({ url: path, headers: { 'if-none-match': etag } })).statusCode, 200, 'a moved slot changes the feed');
});
