import { Type, fieldLabel, Id, type Static } from '@preau/sdk';

const Instant = Type.String({ format: 'date-time' });
const Day = (fr: string, en: string) => Type.String({ format: 'date', ...fieldLabel(fr, en) });
const Person = Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), displayName: Type.String() });

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };

export const Kind = Type.Union([Type.Literal('session'), Type.Literal('homework')]);
export type Kind = Static<typeof Kind>;

/** A séance or a travail à faire as a teacher writes it. */
export const EntryInput = Type.Object(
  {
    kind: Kind,
    subject: Type.String({ minLength: 1, maxLength: 80, ...fieldLabel('Matière', 'Subject') }),
    title: Type.String({ minLength: 1, maxLength: 200, ...fieldLabel('Titre', 'Title') }),
    body: Type.String({ maxLength: 200_000, ...fieldLabel('Contenu', 'Content') }),
    /** The day of the séance, or the day the homework is given. */
    day: Day('Date', 'Date'),
    /** Homework only: the day it is for. */
    dueOn: Type.Optional(Type.Union([Day('Pour le', 'Due on'), Type.Null()])),
    /** Homework only: the estimated time, in minutes. */
    minutes: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 600, ...fieldLabel('Temps estimé', 'Estimated time') }), Type.Null()])),
    /** Visible to families from then; at once when absent or past. */
    publishAt: Type.Optional(Type.Union([Type.String({ format: 'date-time', ...fieldLabel('Visible à partir du', 'Visible from') }), Type.Null()])),
    /** Differentiated homework: only these pupils of the class (and their families) see it; empty for the whole class. */
    pupilIds: Type.Array(Id(), { maxItems: 60, uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
);
export type EntryInput = Static<typeof EntryInput>;

/** A change to an entry: any field of the input. */
export const EntryPatch = Type.Partial(Type.Omit(EntryInput, ['kind']), { additionalProperties: false });
export type EntryPatch = Static<typeof EntryPatch>;

export const CopyInput = Type.Object(
  {
    classId: Id(),
    day: Day('Date', 'Date'),
    dueOn: Type.Optional(Type.Union([Day('Pour le', 'Due on'), Type.Null()])),
  },
  { additionalProperties: false },
);

/** An entry as the class's teachers, the direction and inspectors see it. */
export const StaffEntry = Type.Object({
  id: Id(),
  classId: Id(),
  kind: Kind,
  subject: Type.String(),
  title: Type.String(),
  body: Type.String(),
  day: Type.String(),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  minutes: Type.Union([Type.Integer(), Type.Null()]),
  publishAt: Type.Union([Instant, Type.Null()]),
  /** Families see it now. */
  published: Type.Boolean(),
  author: Person,
  createdAt: Instant,
  editedAt: Type.Union([Instant, Type.Null()]),
  pupilIds: Type.Array(Id()),
  /** Homework: how many pupils ticked "Fait", of how many. */
  done: Type.Union([Type.Object({ count: Type.Integer(), of: Type.Integer() }), Type.Null()]),
  /** Written before the latest visa: no longer changed. */
  locked: Type.Boolean(),
  /** Written after the latest visa for a day it covered: marked for the next reader. */
  afterVisa: Type.Boolean(),
});
export type StaffEntry = Static<typeof StaffEntry>;

export const Visa = Type.Object({ id: Id(), by: Person, at: Instant, note: Type.String() });
export type Visa = Static<typeof Visa>;

/** A class's cahier as a staff member opens it. */
export const ClassBook = Type.Object({
  class: Type.Object({ id: Id(), schoolId: Id(), label: Type.String() }),
  /** False for a past year's class (the archive). */
  current: Type.Boolean(),
  mayWrite: Type.Boolean(),
  mayVisa: Type.Boolean(),
  entries: Type.Array(StaffEntry),
  lastVisa: Type.Union([Visa, Type.Null()]),
});

/** A subject of the school's list (no id: the defaults, never saved yet). */
export const Subject = Type.Object({ id: Type.Union([Id(), Type.Null()]), name: Type.String(), hidden: Type.Boolean() });
export type Subject = Static<typeof Subject>;

export const SubjectInput = Type.Object({
  id: Type.Optional(Type.Union([Id(), Type.Null()])),
  name: Type.String({ minLength: 1, maxLength: 80, ...fieldLabel('Matière', 'Subject') }),
  hidden: Type.Boolean({ default: false }),
}, { additionalProperties: false });
export type SubjectInput = Static<typeof SubjectInput>;

export const SubjectList = Type.Object({
  school: Type.Object({ id: Id(), name: Type.String() }),
  /** The reader is the school's director or a local administrator. */
  mayEdit: Type.Boolean(),
  subjects: Type.Array(Subject),
});

/** A school of the user's classes, with the subjects its teachers pick from and what the user may set there. */
export const SchoolSummary = Type.Object({
  id: Id(),
  name: Type.String(),
  subjects: Type.Array(Type.String()),
  /** Director or local administrator: edits the subjects, names replacement teachers. */
  administers: Type.Boolean(),
});

export const ClassSummary = Type.Object({
  id: Id(),
  schoolId: Id(),
  label: Type.String(),
  current: Type.Boolean(),
  mayWrite: Type.Boolean(),
  mayVisa: Type.Boolean(),
});

export const Tick = Type.Object({ by: Person, at: Instant, late: Type.Boolean() });

/** Homework as a family (or the pupil) sees it for one child. */
export const FamilyHomework = Type.Object({
  id: Id(),
  subject: Type.String(),
  title: Type.String(),
  body: Type.String(),
  day: Type.String(),
  dueOn: Type.String(),
  bucket: Type.Union([Type.Literal('today'), Type.Literal('tomorrow'), Type.Literal('week'), Type.Literal('later')]),
  minutes: Type.Union([Type.Integer(), Type.Null()]),
  author: Person,
  done: Type.Union([Tick, Type.Null()]),
  /** Only for some pupils of the class. */
  differentiated: Type.Boolean(),
  /** Changed after families could see it: « modifié le … ». */
  changedAt: Type.Union([Instant, Type.Null()]),
});
export type FamilyHomework = Static<typeof FamilyHomework>;

export const FamilySession = Type.Object({
  id: Id(),
  subject: Type.String(),
  title: Type.String(),
  body: Type.String(),
  day: Type.String(),
  author: Person,
});
export type FamilySession = Static<typeof FamilySession>;

export const ChildHomework = Type.Object({
  pupil: Type.Object({ id: Id(), displayName: Type.String(), classId: Type.Union([Id(), Type.Null()]), classLabel: Type.Union([Type.String(), Type.Null()]) }),
  today: Type.String(),
  /** The reader may tick "Fait" (the school's right). */
  mayTick: Type.Boolean(),
  homework: Type.Array(FamilyHomework),
});

export const Progress = Type.Object({
  entryId: Id(),
  dueOn: Type.String(),
  count: Type.Integer(),
  of: Type.Integer(),
  pupils: Type.Array(Type.Object({ id: Id(), displayName: Type.String(), done: Type.Union([Tick, Type.Null()]) })),
});

export const ClassParams = Type.Object({ classId: Id() });
export const SchoolParams = Type.Object({ schoolId: Id() });
export const EntryParams = Type.Object({ entryId: Id() });
export const PupilParams = Type.Object({ pupilId: Id() });
export const EntryPupilParams = Type.Object({ entryId: Id(), pupilId: Id() });
export const RangeQuery = Type.Object({
  from: Type.Optional(Day('Du', 'From')),
  to: Type.Optional(Day('Au', 'To')),
});
