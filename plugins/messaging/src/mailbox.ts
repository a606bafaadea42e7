import type { Knex } from 'knex';
import { frenchOrder } from '@preau/sdk';
import type { Message, MessageSummary } from './schemas.js';
import { decodePageCursor, encodePageCursor } from '@preau/sdk';

/** A message's summary for a list, and its full view for its reader. */
interface Row {
  id: string | number;
  thread_id: string | number;
  parent_id: string | number | null;
  author_id: number | null;
  author_name: string | null;
  subject: string;
  body: string;
  body_text: string;
  state: string;
  no_reply: boolean;
  sent_at: Date | null;
  scheduled_at: Date | null;
  recalled_at: Date | null;
  sort_at: Date;
  read_at: Date | null;
  folder: string;
  folder_id: string | number | null;
  role: string;
  has_attachments?: boolean;
  recipient_names?: string[] | null;
}

export const RECALLED = { subject: 'Message rappelé', body: '<p>Message rappelé par son expéditeur.</p>' };

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);
/** Recipients see a recalled message without its content; its author keeps it. */
const hidden = (row: Row): boolean => row.recalled_at !== null && row.role !== 'author';

// Lists show who a message went to on its author's lines ("Envoyés", drafts): their own name would say nothing.
const RECIPIENT_NAMES = `case when b.role = 'author' then (
    select array_agg(coalesce(ru.display_name, rg.name, '') order by case r.kind when 'to' then 0 when 'cc' then 1 else 2 end,
                     ${frenchOrder("coalesce(ru.display_name, rg.name, '')")})
      from recipients r left join users ru on ru.id = r.user_id left join groups rg on rg.id = r.group_id
     where r.message_id = m.id) end as recipient_names`;

const SELECT = `m.id, m.thread_id, m.parent_id, m.author_id, u.display_name as author_name, m.subject, m.body, m.body_text, m.state,
  m.no_reply, m.sent_at, m.scheduled_at, m.recalled_at, b.sort_at, b.read_at, b.folder, b.folder_id, b.role`;

function summary(row: Row): MessageSummary {
  const recalled = hidden(row);
  return {
    id: Number(row.id),
    threadId: Number(row.thread_id),
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    subject: recalled ? RECALLED.subject : row.subject,
    preview: recalled ? '' : row.body_text.slice(0, 140),
    sentAt: iso(row.sent_at),
    sortAt: new Date(row.sort_at).toISOString(),
    read: row.read_at !== null,
    recalled: row.recalled_at !== null,
    hasAttachments: !recalled && row.has_attachments === true,
    recipients: row.recipient_names ?? [],
    state: row.state,
    folder: row.folder,
  };
}

/** Where a list starts: after this (sort time, id) of the previous page. */
export function encodeCursor(item: MessageSummary): string {
  return encodePageCursor({ at: new Date(item.sortAt), id: item.id });
}

/** One page of a folder, newest first, by keyset (sort time, id): the same cost on page 1 and page 500. */
export async function listFolder(db: Knex, userId: number, folder: string, options: { cursor?: string; limit: number }): Promise<{ items: MessageSummary[]; next: string | null }> {
  const query = db('mailbox as b')
    .join('messages as m', 'm.id', 'b.message_id')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .where('b.user_id', userId)
    .select(db.raw(SELECT))
    .select(db.raw('exists (select 1 from attachments a where a.message_id = m.id) as has_attachments'))
    .select(db.raw(RECIPIENT_NAMES))
    .orderBy([{ column: 'b.sort_at', order: 'desc' }, { column: 'b.message_id', order: 'desc' }])
    .limit(options.limit + 1);
  if (/^\d+$/.test(folder)) query.andWhere({ 'b.folder': 'user', 'b.folder_id': Number(folder) });
  else query.andWhere('b.folder', folder);
  const cursor = decodePageCursor(options.cursor);
  if (cursor) query.andWhereRaw('(b.sort_at, b.message_id) < (?, ?)', [cursor.at, cursor.id]);
  const rows = (await query) as Row[];
  const items = rows.slice(0, options.limit).map(summary);
  return { items, next: rows.length > options.limit ? encodeCursor(items[items.length - 1]!) : null };
}

/** The user's mailbox entry and the message; undefined when the message is not theirs to read. */
export async function findEntry(db: Knex, userId: number, messageId: number): Promise<Row | undefined> {
  return (await db('mailbox as b')
    .join('messages as m', 'm.id', 'b.message_id')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .where({ 'b.user_id': userId, 'b.message_id': messageId })
    .first(db.raw(SELECT))) as Row | undefined;
}

/** The full message for its reader: recipients without the bcc unless they wrote it, content hidden if recalled. */
export async function messageView(db: Knex, userId: number, messageId: number): Promise<Message | undefined> {
  const row = await findEntry(db, userId, messageId);
  if (!row) return undefined;
  const recalled = hidden(row);
  const recipients = (await db('recipients as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('groups as g', 'g.id', 'r.group_id')
    .where('r.message_id', messageId)
    .modify((q) => {
      if (row.role !== 'author') q.andWhere((w) => w.whereNot('r.kind', 'bcc').orWhere('r.user_id', userId));
    })
    .orderByRaw("case r.kind when 'to' then 0 when 'cc' then 1 else 2 end")
    .select('r.kind', 'r.user_id', 'r.group_id', db.raw("coalesce(u.display_name, g.name, '') as label"))) as { kind: 'to' | 'cc' | 'bcc'; user_id: number | null; group_id: number | null; label: string }[];
  const attachments = recalled ? [] : await attachmentsOf(db, messageId);
  return {
    id: Number(row.id),
    threadId: Number(row.thread_id),
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    state: row.state,
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    subject: recalled ? RECALLED.subject : row.subject,
    body: recalled ? RECALLED.body : row.body,
    recipients: recipients.map((r) => ({ kind: r.kind, userId: r.user_id, groupId: r.group_id, label: r.label })),
    attachments,
    noReply: row.no_reply,
    sentAt: iso(row.sent_at),
    scheduledAt: iso(row.scheduled_at),
    recalled: row.recalled_at !== null,
    role: row.role,
    folder: row.folder,
    folderId: row.folder_id === null ? null : Number(row.folder_id),
    read: row.read_at !== null,
  };
}

export async function attachmentsOf(db: Knex, messageId: number) {
  const rows = await db('attachments').where({ message_id: messageId }).orderBy('position').select('blob_id', 'name', 'media_type', 'size');
  return rows.map((a: { blob_id: string; name: string; media_type: string; size: string }) => ({ blobId: a.blob_id, name: a.name, mediaType: a.media_type, size: Number(a.size) }));
}

/** The messages of a thread this user has in their mailbox (never the replies they were not part of). */
export async function threadOf(db: Knex, userId: number, threadId: number): Promise<Message[]> {
  const ids = (await db('mailbox as b').join('messages as m', 'm.id', 'b.message_id')
    .where({ 'b.user_id': userId, 'm.thread_id': threadId }).whereNot('b.folder', 'drafts')
    .orderBy([{ column: 'm.sent_at', order: 'asc' }, { column: 'm.id', order: 'asc' }]).pluck('m.id')) as (string | number)[];
  const messages: Message[] = [];
  for (const id of ids) messages.push((await messageView(db, userId, Number(id)))!);
  return messages;
}

/** Unread messages per folder (inbox, trash and each user folder). */
export async function unreadCounts(db: Knex, userId: number): Promise<{ inbox: number; total: number; folders: Record<string, number> }> {
  const rows = (await db('mailbox').where({ user_id: userId }).whereNull('read_at').whereIn('folder', ['inbox', 'user'])
    .groupBy('folder', 'folder_id').select('folder', 'folder_id', db.raw('count(*)::int as n'))) as { folder: string; folder_id: string | null; n: number }[];
  const folders: Record<string, number> = {};
  let inbox = 0;
  for (const row of rows) {
    if (row.folder === 'inbox') inbox = row.n;
    else if (row.folder_id !== null) folders[String(row.folder_id)] = row.n;
  }
  return { inbox, total: rows.reduce((sum, r) => sum + r.n, 0), folders };
}

/** Messages matching French full-text words, among the user's (trash and drafts included). */
export async function searchMessages(db: Knex, userId: number, words: string, limit: number): Promise<MessageSummary[]> {
  const rows = (await db('mailbox as b')
    .join('messages as m', 'm.id', 'b.message_id')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .where('b.user_id', userId)
    .andWhereRaw("m.search @@ (plainto_tsquery('french', ?) || plainto_tsquery('simple', ?))", [words, words])
    // A recalled message is found by its author only: its words are no longer the recipients'.
    .andWhere((w) => w.whereNull('m.recalled_at').orWhere('b.role', 'author'))
    .select(db.raw(SELECT))
    .select(db.raw(RECIPIENT_NAMES))
    .orderByRaw("ts_rank(m.search, plainto_tsquery('french', ?)) desc, b.sort_at desc", [words])
    .limit(limit)) as Row[];
  return rows.map(summary);
}
