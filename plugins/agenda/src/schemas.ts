import { Type, Id, PageCursorSchema, type Static } from '@preau/sdk';

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
/** Every 4xx and 5xx answer: `{ code, message, details? }`. */
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
/** A Paris wall time 'YYYY-MM-DDTHH:mm', or a day 'YYYY-MM-DD' for an all-day event. */
const WallOrDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$', maxLength: 16 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });

export const Role = Type.Union([Type.Literal('read'), Type.Literal('contribute'), Type.Literal('manage'), Type.Literal('owner')]);
export const Kind = Type.Union([Type.Literal('class'), Type.Literal('school'), Type.Literal('personal')]);
export const Color = Type.String({ pattern: '^#[0-9a-f]{6}$' });

export const Calendar = Type.Object({
  id: Type.Integer(),
  schoolId: Type.Integer(),
  kind: Kind,
  classId: Nullable(Type.Integer()),
  name: Type.String(),
  color: Color,
  role: Role,
});
export type Calendar = Static<typeof Calendar>;

export const NewCalendarInput = Type.Object({
  schoolId: Id(),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  color: Type.Optional(Color),
}, { additionalProperties: false });
export const CalendarChange = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  color: Type.Optional(Color),
}, { additionalProperties: false });

const Weekday = Type.Union([Type.Literal('MO'), Type.Literal('TU'), Type.Literal('WE'), Type.Literal('TH'), Type.Literal('FR'), Type.Literal('SA'), Type.Literal('SU')]);
export const RecurrenceSchema = Type.Object({
  frequency: Type.Union([Type.Literal('daily'), Type.Literal('weekly'), Type.Literal('monthly'), Type.Literal('yearly')]),
  interval: Type.Integer({ minimum: 1, maximum: 52, default: 1 }),
  weekdays: Type.Optional(Type.Array(Weekday, { maxItems: 7, uniqueItems: true })),
  until: Type.Optional(Day),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
}, { additionalProperties: false });

const EventFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 100_000, default: '' }),
  place: Type.String({ maxLength: 200, default: '' }),
  allDay: Type.Boolean({ default: false }),
  /** Paris wall time 'YYYY-MM-DDTHH:mm'; a day for an all-day event. */
  start: WallOrDay,
  /** Exclusive end in wall time; the last day (inclusive) for an all-day event. */
  end: WallOrDay,
  recurrence: Type.Optional(Nullable(RecurrenceSchema)),
  /** Minutes before the start (0: at the start); null or absent for none. */
  reminderMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 40320 }))),
};
export const NewEventInput = Type.Object({ calendarId: Id(), ...EventFields }, { additionalProperties: false });
export type EventFields = Static<ReturnType<typeof Type.Object<typeof EventFields>>>;

export const Scope = Type.Union([Type.Literal('all'), Type.Literal('this'), Type.Literal('following')]);
/** An occurrence of a series: its original start in Paris wall time. */
export const OccurrenceWall = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', maxLength: 16 });
export const EventChange = Type.Object({
  ...EventFields,
  scope: Type.Optional(Scope),
  occurrence: Type.Optional(OccurrenceWall),
}, { additionalProperties: false });
export const DeleteQuery = Type.Object({
  scope: Type.Optional(Scope),
  occurrence: Type.Optional(OccurrenceWall),
}, { additionalProperties: false });

export const Occurrence = Type.Object({
  /** The event's id, and for an occurrence of a series `@` its original start. */
  id: Type.String(),
  eventId: Type.Integer(),
  calendarId: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  place: Type.String(),
  allDay: Type.Boolean(),
  start: Type.String(),
  end: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  recurrence: Nullable(RecurrenceSchema),
  /** For an occurrence of a series, its original start (what "this occurrence" names). */
  occurrence: Nullable(Type.String()),
  /** For an occurrence changed alone, the series it belongs to. */
  seriesId: Nullable(Type.Integer()),
  reminderMinutes: Nullable(Type.Integer()),
  canEdit: Type.Boolean(),
});
export type Occurrence = Static<typeof Occurrence>;

export const OccurrencesQuery = Type.Object({
  from: Instant,
  to: Instant,
  /** Comma-separated calendar ids; every calendar the user reads when absent. */
  calendars: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,9}(,[1-9]\\d{0,9}){0,99}$', maxLength: 1100 })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
  cursor: Type.Optional(PageCursorSchema()),
}, { additionalProperties: false });
export const OccurrencesPage = Type.Object({ occurrences: Type.Array(Occurrence), nextCursor: Nullable(Type.String()) });

export const CalendarParams = Type.Object({ calendarId: Id() });
export const EventParams = Type.Object({ eventId: Id() });
