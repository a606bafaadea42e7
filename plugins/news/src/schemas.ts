import { Type, fieldLabel, type Static, Id, PageCursorSchema } from '@preau/sdk';

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
/** Every 4xx and 5xx answer: `{ code, message, details? }`. */
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };

export const IdParams = Type.Object({ id: Id() });
const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const Role = Type.Union([Type.Literal('read'), Type.Literal('contribute'), Type.Literal('publish'), Type.Literal('manage')]);
export const Share = Type.Object({ groupId: Id(), groupName: Type.String(), role: Role });
export const ShareInput = Type.Object({ groupId: Id(), role: Role }, { additionalProperties: false });

export const Thread = Type.Object({
  id: Type.Integer(),
  schoolId: Type.Integer(),
  title: Type.String(),
  commentsEnabled: Type.Boolean(),
  /** The user's role on it. */
  role: Role,
  /** Its grants to groups, only for those who manage it. */
  shares: Type.Optional(Type.Array(Share)),
});
export type Thread = Static<typeof Thread>;

export const ThreadInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 120 }),
  commentsEnabled: Type.Boolean({ default: true }),
  /** The thread's grants to groups, replacing those it has (its grants to people stay); absent: unchanged. */
  shares: Type.Optional(Type.Array(ShareInput, { maxItems: 50 })),
}, { additionalProperties: false });
export const NewThreadInput = Type.Composite([Type.Object({ schoolId: Id() }), ThreadInput], { additionalProperties: false });

export const Status = Type.Union(['draft', 'submitted', 'published', 'expired', 'trashed'].map((s) => Type.Literal(s)));
export const AttachmentSchema = Type.Object({ id: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer() });

export const Item = Type.Object({
  id: Type.Integer(),
  threadId: Type.Integer(),
  threadTitle: Type.String(),
  schoolId: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  status: Status,
  publishAt: Nullable(Instant),
  expiresAt: Nullable(Instant),
  headline: Type.Boolean(),
  author: Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()]),
  createdAt: Instant,
  updatedAt: Instant,
  /** Files and images, downloaded from `/api/news/items/:id/attachments/:blobId` (images shown with `?inline=true`). */
  attachments: Type.Array(AttachmentSchema),
});
export type Item = Static<typeof Item>;

/** What a writer sends; `action` says what becomes of it: kept as draft, submitted for validation, or published. */
export const ItemInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 160 }),
  body: Type.String({ maxLength: 200_000 }),
  publishAt: Type.Optional(Type.Union([Instant, Type.Null()], fieldLabel('Publier le', 'Publish on'))),
  expiresAt: Type.Optional(Type.Union([Instant, Type.Null()], fieldLabel('Retirer le', 'Remove on'))),
  headline: Type.Optional(Type.Boolean()),
  action: Type.Union([Type.Literal('draft'), Type.Literal('submit'), Type.Literal('publish')]),
  /** Files uploaded with `POST /attachments` (or already on the item). Left out, an edit keeps the item's files. */
  attachmentIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10, uniqueItems: true })),
}, { additionalProperties: false });
export type ItemInput = Static<typeof ItemInput>;

export const ItemPage = Type.Object({ items: Type.Array(Item), next: Nullable(Type.String()) });
export const ListQuery = Type.Object({
  threadId: Type.Optional(Id()),
  /** The `next` of the previous page. */
  after: Type.Optional(PageCursorSchema({ ranked: true })),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
}, { additionalProperties: false });

export const Comment = Type.Object({
  id: Type.Integer(),
  itemId: Type.Integer(),
  author: Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()]),
  body: Type.String(),
  createdAt: Instant,
  mine: Type.Boolean(),
});
export const CommentInput = Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

export const Colour = Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('urgent')]);
export const TargetProfile = Type.Union(['Teacher', 'Student', 'Relative', 'Personnel', 'Guest'].map((p) => Type.Literal(p)));
export const FlashInput = Type.Object({
  schoolIds: Type.Array(Id(), { minItems: 1, maxItems: 500, uniqueItems: true }),
  title: Type.String({ minLength: 1, maxLength: 120 }),
  body: Type.String({ maxLength: 4000 }),
  colour: Colour,
  signature: Type.String({ minLength: 1, maxLength: 120 }),
  profiles: Type.Array(TargetProfile, { minItems: 1, uniqueItems: true, ...fieldLabel('Destinataires', 'Recipients') }),
  classIds: Type.Array(Id(), { maxItems: 200, uniqueItems: true, default: [] }),
  startsAt: Instant,
  endsAt: Instant,
  notify: Type.Boolean({ default: false }),
}, { additionalProperties: false });
export type FlashInput = Static<typeof FlashInput>;

/** A flash message as its readers see it. */
export const Flash = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  colour: Colour,
  signature: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
});
/** A flash message as its author sees it, with `read` out of `targeted`. */
export const AuthoredFlash = Type.Composite([Flash, Type.Object({
  schoolIds: Type.Array(Type.Integer()),
  profiles: Type.Array(TargetProfile),
  classIds: Type.Array(Type.Integer()),
  notify: Type.Boolean(),
  read: Type.Integer(),
  targeted: Type.Integer(),
})]);
