import { Type, type Static } from '@sinclair/typebox';
import { Id, BigId, fieldLabel } from '@preau/sdk';

const Ids = Type.Array(Id(), { maxItems: 1000, uniqueItems: true, default: [] });
/** Users and groups, as the recipient picker gives them. */
export const Addressees = Type.Object({ users: Ids, groups: Ids }, { additionalProperties: false, default: {} });

/** What compose sends: a draft saved or a message to send. */
export const MessageInput = Type.Object(
  {
    to: Addressees,
    cc: Addressees,
    bcc: Addressees,
    subject: Type.String({ maxLength: 250, default: '' }),
    body: Type.String({ maxLength: 500_000, default: '', ...fieldLabel('Message', 'Message') }),
    attachments: Type.Array(Type.String({ pattern: '^[a-f0-9]{32}$' }), { maxItems: 20, uniqueItems: true, default: [] }),
    noReply: Type.Boolean({ default: false }),
    /** The message answered or forwarded (its thread continues). */
    parentId: Type.Optional(BigId()),
    /** The message forwarded (its attachments may be attached again, without copying them). */
    forwardOf: Type.Optional(BigId()),
    /** Sends later (a job), instead of at once. */
    scheduledAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type MessageInput = Static<typeof MessageInput>;

const Person = Type.Object({ id: Type.Integer(), displayName: Type.String() });
const Recipient = Type.Object({ kind: Type.Union([Type.Literal('to'), Type.Literal('cc'), Type.Literal('bcc')]), userId: Type.Union([Type.Integer(), Type.Null()]), groupId: Type.Union([Type.Integer(), Type.Null()]), label: Type.String() });
export const Attachment = Type.Object({ blobId: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer() });

/** A message as its reader sees it (bcc only for the author; a recalled message without its content). */
export const Message = Type.Object({
  id: Type.Integer(),
  threadId: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  state: Type.String(),
  author: Type.Union([Person, Type.Null()]),
  subject: Type.String(),
  body: Type.String(),
  recipients: Type.Array(Recipient),
  attachments: Type.Array(Attachment),
  noReply: Type.Boolean(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  scheduledAt: Type.Union([Type.String(), Type.Null()]),
  recalled: Type.Boolean(),
  /** My part in it: author, to, cc or bcc. */
  role: Type.String(),
  folder: Type.String(),
  folderId: Type.Union([Type.Integer(), Type.Null()]),
  read: Type.Boolean(),
});
export type Message = Static<typeof Message>;

/** A line of a message list. */
export const MessageSummary = Type.Object({
  id: Type.Integer(),
  threadId: Type.Integer(),
  author: Type.Union([Person, Type.Null()]),
  subject: Type.String(),
  preview: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  sortAt: Type.String(),
  read: Type.Boolean(),
  recalled: Type.Boolean(),
  hasAttachments: Type.Boolean(),
  /** On the author's own messages: who they went to (bcc included), "to" first. Empty on others'. */
  recipients: Type.Array(Type.String()),
  state: Type.String(),
  folder: Type.String(),
});
export type MessageSummary = Static<typeof MessageSummary>;
export const MessagePage = Type.Object({ items: Type.Array(MessageSummary), next: Type.Union([Type.String(), Type.Null()]) });

export const Folder = Type.Object({ id: Type.Integer(), parentId: Type.Union([Type.Integer(), Type.Null()]), name: Type.String(), depth: Type.Integer(), unread: Type.Integer(), total: Type.Integer() });
export const FolderList = Type.Object({
  system: Type.Object({ inbox: Type.Object({ unread: Type.Integer(), total: Type.Integer() }), sent: Type.Object({ total: Type.Integer() }), drafts: Type.Object({ total: Type.Integer() }), trash: Type.Object({ unread: Type.Integer(), total: Type.Integer() }) }),
  folders: Type.Array(Folder),
});

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };
/** inbox, sent, drafts, trash, or a user folder's id. */
export const FolderRef = Type.String({ pattern: '^(inbox|sent|drafts|trash|[1-9][0-9]{0,15})$' });
export const IdParams = Type.Object({ id: BigId() }, { additionalProperties: false });
export const IdsBody = Type.Object({ ids: Type.Array(BigId(), { minItems: 1, maxItems: 500, uniqueItems: true }) }, { additionalProperties: false });
