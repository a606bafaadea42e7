import { administersSchool, Type, type CurrentUser, type PluginApp, type PluginServices } from '@preau/sdk';
import { Errors } from './schemas.js';
import { BookingInput, CancelQuery, NewRoundInput, Round, RoundDetail, RoundParams } from './meeting-schemas.js';
import { BookingClosed, FamilyAlreadyBooked, MeetingManagersOnly, MeetingNotFound, ReminderTooSoon, SlotTaken } from './errors.js';
import { childrenInClass, isUniqueViolation, managesClass, roundFor, slotRows, slotsOf, type RoundAccess, type RoundRow } from './meetings.js';
import { addWallMinutes } from './paris-time.js';

const WALL = `'YYYY-MM-DD"T"HH24:MI'`;
const REMINDER_EVERY_MS = 60 * 60_000;
const meetingUrl = (id: number) => `/apps/agenda/rendez-vous?round=${id}`;

interface SlotRow { id: number; start_wall: string; starts_at: Date; pupil_id: number | null; booked_by: number | null }

/**
 * Parent–teacher meetings: a teacher opens slots for the families of their class, each family books one (either
 * parent), moves or cancels it until the deadline; the teacher sees who booked and who has not, and reminds the
 * latter. Booking is one conditional update: two families racing for the last slot, exactly one wins.
 */
export async function meetingRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, structure, notify, clock } = services;

  const classLabel = async (classId: number) => (await structure.classes([classId]))[0]?.label ?? '';

  const summary = async (access: RoundAccess, slots: SlotRow[]) => {
    const { round } = access;
    const mine = new Map(slots.filter((s) => s.pupil_id !== null).map((s) => [s.pupil_id!, s.start_wall]));
    return {
      id: round.id,
      classId: round.class_id,
      classLabel: await classLabel(round.class_id),
      title: round.title,
      place: round.place,
      durationMinutes: round.duration_minutes,
      bookUntil: new Date(round.book_until).toISOString(),
      open: clock.now() < new Date(round.book_until),
      manager: access.manager,
      firstSlot: slots[0]?.start_wall ?? null,
      lastSlot: slots.at(-1)?.start_wall ?? null,
      slots: slots.length,
      booked: slots.filter((s) => s.pupil_id !== null).length,
      children: access.children.map((child) => ({ ...child, slot: mine.get(child.id) ?? null })),
    };
  };

  const slotsOfRound = async (roundId: number) => (await db('meeting_slots').where({ round_id: roundId }).orderBy('start_wall')
    .select('id', db.raw(`to_char(start_wall, ${WALL}) as start_wall`), 'starts_at', 'pupil_id', 'booked_by')) as SlotRow[];

  app.get('/meetings', {
    schema: { response: { 200: Type.Array(Round), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const schoolIds = request.currentSchools.map((s) => s.id);
    const classes = (await structure.classesOf(user.id)).filter((c) => schoolIds.includes(c.schoolId));
    const adminSchools = request.currentSchools.filter((s) => administersSchool(user, s.id));
    // Rounds whose last slot is less than a week old.
    const rounds = (await db('meeting_rounds as r')
      .where((q) => q.whereIn('r.class_id', classes.map((c) => c.id)).orWhereIn('r.school_id', adminSchools.map((s) => s.id)))
      .whereExists(db('meeting_slots as s').whereRaw('s.round_id = r.id').where('s.starts_at', '>', new Date(clock.now().getTime() - 7 * 86_400_000)))
      .orderBy('r.id', 'desc')
      .select('r.*')) as RoundRow[];
    const out = [];
    for (const round of rounds) {
      const manager = await managesClass(services, user, round.school_id, round.class_id);
      const children = manager ? [] : await childrenInClass(services, user, round.class_id);
      if (!manager && children.length === 0) continue;
      out.push(await summary({ round, manager, children }, await slotsOfRound(round.id)));
    }
    return out;
  });

  app.post('/meetings', {
    schema: { body: NewRoundInput, response: { 201: RoundDetail, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const input = request.body;
    const schoolClass = (await structure.classes([input.classId]))[0];
    if (!schoolClass || !request.currentSchools.some((s) => s.id === schoolClass.schoolId)) throw MeetingNotFound();
    if (!(await managesClass(services, user, schoolClass.schoolId, schoolClass.id))) throw MeetingManagersOnly();
    const starts = slotsOf(input, clock.now());
    const id = await db.transaction(async (trx) => {
      const [row] = await trx('meeting_rounds').insert({
        school_id: schoolClass.schoolId, class_id: schoolClass.id, teacher_id: user.id, title: input.title.trim(), place: (input.place ?? '').trim(),
        duration_minutes: input.durationMinutes, book_until: new Date(input.bookUntil),
      }).returning('id');
      await trx('meeting_slots').insert(slotRows(row.id as number, starts, input.durationMinutes));
      return row.id as number;
    });
    const families = await familiesOf(schoolClass.id);
    if (families.length) {
      await notify.send({
        type: 'meeting-opened', recipients: { users: families }, actor: user.id,
        resource: { app: 'agenda', id: `meeting-${id}`, url: meetingUrl(id) }, params: { title: input.title.trim() },
      });
    }
    return reply.code(201).send(await detail(user, await roundFor(services, user, request.currentSchools, id, 'see')));
  });

  /** The relatives of the class's pupils. */
  const familiesOf = async (classId: number, exceptPupils: ReadonlySet<number> = new Set()) => {
    const pupils = (await structure.pupilsOf([classId])).filter((p) => !exceptPupils.has(p.id));
    return [...new Set((await structure.relativesOf(pupils.map((p) => p.id))).map((link) => link.relative.id))];
  };

  const detail = async (user: CurrentUser, access: RoundAccess) => {
    const slots = await slotsOfRound(access.round.id);
    const bookedPupils = new Set(slots.filter((s) => s.pupil_id !== null).map((s) => s.pupil_id!));
    const pupils = access.manager ? await structure.pupilsOf([access.round.class_id]) : [];
    const own = new Map(access.children.map((c) => [c.id, c]));
    const people = access.manager
      ? new Map((await structure.people([...new Set(slots.flatMap((s) => [s.pupil_id, s.booked_by]).filter((id): id is number => id !== null))])).map((p) => [p.id, p]))
      : new Map<number, { displayName: string }>();
    return {
      ...(await summary(access, slots)),
      slotList: slots.map((slot) => {
        const visible = slot.pupil_id !== null && (access.manager || own.has(slot.pupil_id));
        return {
          id: slot.id,
          start: slot.start_wall,
          end: addWallMinutes(slot.start_wall, access.round.duration_minutes),
          startsAt: new Date(slot.starts_at).toISOString(),
          booked: slot.pupil_id !== null,
          pupil: visible ? { id: slot.pupil_id!, displayName: (access.manager ? people.get(slot.pupil_id!)?.displayName : own.get(slot.pupil_id!)?.displayName) ?? '' } : null,
          bookedBy: access.manager && slot.booked_by !== null ? people.get(slot.booked_by)?.displayName ?? null : null,
        };
      }),
      notBooked: pupils.filter((p) => !bookedPupils.has(p.id)).map(({ id, displayName }) => ({ id, displayName })),
    };
  };

  app.get('/meetings/:roundId', {
    schema: { params: RoundParams, response: { 200: RoundDetail, ...Errors } },
  }, async (request) => detail(request.currentUser!, await roundFor(services, request.currentUser!, request.currentSchools, request.params.roundId, 'see')));

  app.delete('/meetings/:roundId', {
    schema: { params: RoundParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const { round } = await roundFor(services, request.currentUser!, request.currentSchools, request.params.roundId, 'manage');
    await db('meeting_rounds').where({ id: round.id }).delete();
    return reply.code(204).send(null);
  });

  /** The family's child in the class, and the round still open; 404 for a child that is not theirs. */
  const familyFor = (access: RoundAccess, pupilId: number): void => {
    if (!access.children.some((c) => c.id === pupilId)) throw MeetingNotFound();
    if (clock.now() >= new Date(access.round.book_until)) throw BookingClosed();
  };

  app.put('/meetings/:roundId/booking', {
    schema: { params: RoundParams, body: BookingInput, response: { 200: RoundDetail, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const access = await roundFor(services, user, request.currentSchools, request.params.roundId, 'see');
    const { slotId, pupilId } = request.body;
    familyFor(access, pupilId);
    try {
      await db.transaction(async (trx) => {
        // Moving: the family's slot is freed, and comes back if the new one is taken (the transaction rolls back).
        await trx('meeting_slots').where({ round_id: access.round.id, pupil_id: pupilId }).whereNot({ id: slotId })
          .update({ pupil_id: null, booked_by: null, booked_at: null });
        const won = await trx('meeting_slots').where({ id: slotId, round_id: access.round.id })
          .where((q) => q.whereNull('pupil_id').orWhere({ pupil_id: pupilId }))
          .update({ pupil_id: pupilId, booked_by: user.id, booked_at: clock.now() }, ['id']);
        if (won.length === 0) {
          const exists = await trx('meeting_slots').where({ id: slotId, round_id: access.round.id }).first('id');
          throw exists ? SlotTaken() : MeetingNotFound();
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw FamilyAlreadyBooked();
      throw error;
    }
    return detail(user, access);
  });

  app.delete('/meetings/:roundId/booking', {
    schema: { params: RoundParams, querystring: CancelQuery, response: { 200: RoundDetail, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const access = await roundFor(services, user, request.currentSchools, request.params.roundId, 'see');
    familyFor(access, request.query.pupilId);
    await db('meeting_slots').where({ round_id: access.round.id, pupil_id: request.query.pupilId }).update({ pupil_id: null, booked_by: null, booked_at: null });
    return detail(user, access);
  });

  app.post('/meetings/:roundId/reminders', {
    schema: { params: RoundParams, response: { 200: Type.Object({ reminded: Type.Integer() }), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { round } = await roundFor(services, user, request.currentSchools, request.params.roundId, 'manage');
    const now = clock.now();
    if (now >= new Date(round.book_until)) throw BookingClosed();
    // The claim is the rate limit: one reminder per hour per round, whichever process or tab asks.
    const claimed = await db('meeting_rounds').where({ id: round.id })
      .where((q) => q.whereNull('reminded_at').orWhere('reminded_at', '<=', new Date(now.getTime() - REMINDER_EVERY_MS)))
      .update({ reminded_at: now }, ['id']);
    if (claimed.length === 0) {
      const last = new Date(round.reminded_at ?? now).getTime();
      throw ReminderTooSoon(Math.max(1, Math.ceil((last + REMINDER_EVERY_MS - now.getTime()) / 60_000)));
    }
    const booked = new Set((await db('meeting_slots').where({ round_id: round.id }).whereNotNull('pupil_id').pluck('pupil_id')) as number[]);
    const families = await familiesOf(round.class_id, booked);
    if (families.length) {
      await notify.send({
        type: 'meeting-reminder', recipients: { users: families }, actor: user.id,
        resource: { app: 'agenda', id: `meeting-${round.id}`, url: meetingUrl(round.id) },
        params: { title: round.title, deadline: new Date(round.book_until).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }) },
      });
    }
    return { reminded: families.length };
  });
}
