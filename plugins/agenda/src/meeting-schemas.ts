import { Id, Type, type Static } from '@preau/sdk';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', maxLength: 5 });
const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Person = Type.Object({ id: Type.Integer(), displayName: Type.String() });

export const NewRoundInput = Type.Object({
  classId: Id(),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  place: Type.Optional(Type.String({ maxLength: 200 })),
  durationMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
  /** Families book, move and cancel until then. */
  bookUntil: Instant,
  days: Type.Array(Type.Object({ day: Day, from: Time, to: Time }, { additionalProperties: false }), { minItems: 1, maxItems: 60 }),
}, { additionalProperties: false });
export type NewRoundInput = Static<typeof NewRoundInput>;

export const Round = Type.Object({
  id: Type.Integer(),
  classId: Type.Integer(),
  classLabel: Type.String(),
  title: Type.String(),
  place: Type.String(),
  durationMinutes: Type.Integer(),
  bookUntil: Instant,
  open: Type.Boolean(),
  manager: Type.Boolean(),
  firstSlot: Nullable(Type.String()),
  lastSlot: Nullable(Type.String()),
  slots: Type.Integer(),
  booked: Type.Integer(),
  /** For a family: each child in the class and their slot's start (Paris wall time), or null. */
  children: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String(), slot: Nullable(Type.String()) })),
});

export const Slot = Type.Object({
  id: Type.Integer(),
  /** Paris wall time 'YYYY-MM-DDTHH:mm'. */
  start: Type.String(),
  end: Type.String(),
  startsAt: Instant,
  booked: Type.Boolean(),
  /** Managers see the family; a family sees only its own child on its slot. */
  pupil: Nullable(Person),
  bookedBy: Nullable(Type.String()),
});

export const RoundDetail = Type.Intersect([Round, Type.Object({
  slotList: Type.Array(Slot),
  /** Managers only: the class's pupils whose family has no slot yet. */
  notBooked: Type.Array(Person),
})]);

export const RoundParams = Type.Object({ roundId: Id() });
export const BookingInput = Type.Object({ slotId: Id(), pupilId: Id() }, { additionalProperties: false });
export const CancelQuery = Type.Object({ pupilId: Id() }, { additionalProperties: false });
