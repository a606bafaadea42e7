import { Type, fieldLabel, type Static, Id, PageCursorSchema } from '@preau/sdk';

/** The kinds of words a teacher files a word under (the paper notebook's coloured stickers). */
export const CATEGORIES = ['information', 'sortie', 'reunion', 'sante', 'autorisation', 'vie-de-classe', 'autre'] as const;
export type Category = (typeof CATEGORIES)[number];

const Instant = Type.String({ format: 'date-time' });
const Person = Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), displayName: Type.String() });

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };

/** A one-click question to families: yes/no (an authorisation) or one choice among several (meeting slots). */
export const QuestionInput = Type.Object(
  {
    kind: Type.Union([Type.Literal('yes-no'), Type.Literal('choice')]),
    prompt: Type.String({ minLength: 1, maxLength: 300 }),
    /** For `choice`: 2 to 12 options; ignored for `yes-no` (Oui / Non). */
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { minItems: 2, maxItems: 12 })),
    deadline: Type.Optional(Type.Union([Instant, Type.Null()], fieldLabel('Date limite de réponse', 'Answer deadline'))),
  },
  { additionalProperties: false },
);
export type QuestionInput = Static<typeof QuestionInput>;

export const Question = Type.Object({
  kind: Type.Union([Type.Literal('yes-no'), Type.Literal('choice')]),
  prompt: Type.String(),
  options: Type.Array(Type.String()),
  deadline: Type.Union([Instant, Type.Null()]),
});
export type Question = Static<typeof Question>;

export const WordInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ maxLength: 200_000, ...fieldLabel('Texte du mot', 'Text of the word') }),
    category: Type.Union(CATEGORIES.map((c) => Type.Literal(c))),
    classIds: Type.Array(Id(), { maxItems: 30, uniqueItems: true, default: [] }),
    /** Chosen pupils (in classes the author manages) instead of, or besides, whole classes. */
    pupilIds: Type.Array(Id(), { maxItems: 500, uniqueItems: true, default: [] }),
    requiresAck: Type.Boolean({ default: true }),
    repliesAllowed: Type.Boolean({ default: true }),
    /** When to send it; now when absent or past. */
    sendAt: Type.Optional(Type.Union([Instant, Type.Null()], fieldLabel("Date et heure d'envoi", 'Sending date and time'))),
    question: Type.Optional(Type.Union([QuestionInput, Type.Null()])),
    /** Files uploaded with `POST /attachments` (or already on the word). */
    attachmentIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10, uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
);
export type WordInput = Static<typeof WordInput>;

export const CopyInput = Type.Object(
  { classIds: Type.Array(Id(), { minItems: 1, maxItems: 30, uniqueItems: true }), sendAt: Type.Optional(Type.Union([Instant, Type.Null()])) },
  { additionalProperties: false },
);

export const AttachmentSchema = Type.Object({ id: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer() });

export const Counts = Type.Object({
  pupils: Type.Integer(),
  acknowledged: Type.Integer(),
  replies: Type.Integer(),
  answered: Type.Integer(),
});

/** A word as its author and the class staff see it. */
export const StaffWord = Type.Object({
  id: Id(),
  schoolId: Id(),
  author: Person,
  title: Type.String(),
  body: Type.String(),
  category: Type.String(),
  requiresAck: Type.Boolean(),
  repliesAllowed: Type.Boolean(),
  question: Type.Union([Question, Type.Null()]),
  sendAt: Instant,
  sentAt: Type.Union([Instant, Type.Null()]),
  editedAt: Type.Union([Instant, Type.Null()]),
  createdAt: Instant,
  classes: Type.Array(Type.Object({ id: Id(), label: Type.String() })),
  /** Chosen pupils (empty when whole classes are addressed). */
  pupilIds: Type.Array(Id()),
  counts: Counts,
  attachments: Type.Array(AttachmentSchema),
  /** The reader may change or delete it (author, direction). */
  editable: Type.Boolean(),
});
export type StaffWord = Static<typeof StaffWord>;

/** A word as a family sees it for one child. */
export const FamilyWord = Type.Object({
  id: Id(),
  pupilId: Id(),
  pupilName: Type.String(),
  schoolId: Id(),
  author: Person,
  title: Type.String(),
  body: Type.String(),
  category: Type.String(),
  requiresAck: Type.Boolean(),
  repliesAllowed: Type.Boolean(),
  question: Type.Union([Question, Type.Null()]),
  sentAt: Instant,
  /** The reader may acknowledge and answer (relatives; pupils where the school gave them the right). */
  mayAcknowledge: Type.Boolean(),
  /** The reader may reply (same rule, `reply` right). */
  mayReply: Type.Boolean(),
  /** Changed after this user first read it. */
  modified: Type.Boolean(),
  unread: Type.Boolean(),
  acknowledgement: Type.Union([Type.Object({ by: Person, at: Instant }), Type.Null()]),
  answer: Type.Union([Type.Object({ choice: Type.Integer(), by: Person, at: Instant }), Type.Null()]),
  replies: Type.Integer(),
  attachments: Type.Array(AttachmentSchema),
  /** Why replies are closed for now (class notebook paused). */
  paused: Type.Union([Type.Object({ until: Type.Union([Type.String(), Type.Null()]), reason: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
});
export type FamilyWord = Static<typeof FamilyWord>;

export const Reply = Type.Object({
  id: Id(),
  pupilId: Id(),
  author: Person,
  fromStaff: Type.Boolean(),
  body: Type.String(),
  createdAt: Instant,
  editedAt: Type.Union([Instant, Type.Null()]),
  editable: Type.Boolean(),
});
export type Reply = Static<typeof Reply>;

export const ReplyInput = Type.Object({ body: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false });

/** The "Suivi du mot": per pupil, who acknowledged and when, the answer, the replies. */
export const Tracking = Type.Object({
  wordId: Id(),
  counts: Counts,
  /** For a question: how many pupils' families chose each option. */
  answers: Type.Array(Type.Object({ option: Type.String(), count: Type.Integer() })),
  pupils: Type.Array(
    Type.Object({
      id: Id(),
      displayName: Type.String(),
      classId: Id(),
      classLabel: Type.String(),
      acknowledgement: Type.Union([Type.Object({ by: Person, at: Instant }), Type.Null()]),
      answer: Type.Union([Type.Object({ choice: Type.Integer(), option: Type.String(), by: Person, at: Instant }), Type.Null()]),
      replies: Type.Integer(),
    }),
  ),
  lastReminder: Type.Union([Type.Object({ at: Instant, pupils: Type.Integer() }), Type.Null()]),
});

export const WordParams = Type.Object({ wordId: Id() });
export const WordPupilParams = Type.Object({ wordId: Id(), pupilId: Id() });
export const ClassParams = Type.Object({ classId: Id() });
/** A page of a teacher's words: those older than the previous page's last word (`before`, its id). */
export const StaffPage = Type.Object({
  before: Type.Optional(Id()),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
});
/** A page of a family's words: `before` is the cursor (sending instant and id) of the previous page's last word. */
export const FamilyPageQuery = Type.Object({
  before: Type.Optional(PageCursorSchema()),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
});
export const PauseInput = Type.Object(
  { until: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])), reason: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])) },
  { additionalProperties: false },
);
export const ClassInfo = Type.Object({
  id: Id(),
  schoolId: Id(),
  label: Type.String(),
  pupils: Type.Array(Type.Object({ id: Id(), displayName: Type.String() })),
  pause: Type.Union([Type.Object({ until: Type.Union([Type.String(), Type.Null()]), reason: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
});
