import type { CurrentUser, PluginServices } from '@preau/sdk';
import type { Reply } from './schemas.js';
import { ReplyLocked } from './errors.js';
import { signalFollowers } from './family-actions.js';
import { wordUrl } from './delivery.js';

/** How long a reply can still be changed by its author. */
export const REPLY_EDIT_MINUTES = 15;

interface ReplyRow {
  id: number;
  pupil_id: number;
  author_id: number | null;
  author_name: string;
  from_staff: boolean;
  body: string;
  created_at: Date;
  edited_at: Date | null;
}

function toReply(row: ReplyRow, userId: number, now: Date): Reply {
  return {
    id: row.id,
    pupilId: row.pupil_id,
    author: { id: row.author_id, displayName: row.author_name },
    fromStaff: row.from_staff,
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at ? new Date(row.edited_at).toISOString() : null,
    editable: row.author_id === userId && now.getTime() - new Date(row.created_at).getTime() < REPLY_EDIT_MINUTES * 60_000,
  };
}

/** The conversation about one child on a word: the family's replies and the staff's answers, oldest first. */
export async function listReplies(services: PluginServices, userId: number, wordId: number, pupilIds: readonly number[]): Promise<Reply[]> {
  const rows: ReplyRow[] = await services.db('replies').where({ word_id: wordId }).whereIn('pupil_id', pupilIds).orderBy('id')
    .select('id', 'pupil_id', 'author_id', 'author_name', 'from_staff', 'body', 'created_at', 'edited_at');
  const now = services.clock.now();
  return rows.map((row) => toReply(row, userId, now));
}

/**
 * Adds a reply about one child. A family's reply goes to the word's author; a staff member's goes to the
 * child's relatives. Other families never see it.
 */
export async function addReply(services: PluginServices, user: CurrentUser, word: { id: number; title: string; author_id: number | null }, pupilId: number, body: string, fromStaff: boolean): Promise<Reply> {
  const now = services.clock.now();
  const clean = services.sanitize.richText(body);
  const files = await services.insertedFiles.check(clean, user);
  const row = await services.db.transaction(async (trx) => {
    const [inserted] = await trx('replies').insert({
      word_id: word.id, pupil_id: pupilId, author_id: user.id, author_name: user.displayName, from_staff: fromStaff, body: clean, created_at: now,
    }).returning(['id', 'pupil_id', 'author_id', 'author_name', 'from_staff', 'body', 'created_at', 'edited_at']);
    await files.holdIn({ type: 'reply', id: inserted.id }, { transaction: trx });
    return inserted;
  });
  const recipients = fromStaff
    ? (await services.structure.relativesOf([pupilId])).map((r) => r.relative.id)
    : word.author_id ? [word.author_id] : [];
  await services.notify.send({
    type: 'reply',
    recipients: { users: recipients },
    actor: user.id,
    resource: { app: 'liaison', id: String(word.id), url: wordUrl(word.id) },
    params: { title: word.title },
  });
  await signalFollowers(services, word.id);
  return toReply(row as ReplyRow, user.id, now);
}

/** Changes a reply: only its author, within {@link REPLY_EDIT_MINUTES} minutes. */
export async function editReply(services: PluginServices, user: CurrentUser, replyId: number, body: string): Promise<{ reply: Reply; wordId: number } | null> {
  const row = await services.db('replies').where({ id: replyId }).first('id', 'word_id', 'author_id', 'created_at');
  if (!row) return null;
  const now = services.clock.now();
  if (row.author_id !== user.id || now.getTime() - new Date(row.created_at).getTime() >= REPLY_EDIT_MINUTES * 60_000) throw ReplyLocked(REPLY_EDIT_MINUTES);
  const clean = services.sanitize.richText(body);
  const files = await services.insertedFiles.check(clean, user);
  const updated = await services.db.transaction(async (trx) => {
    const [changed] = await trx('replies').where({ id: replyId }).update({ body: clean, edited_at: now })
      .returning(['id', 'pupil_id', 'author_id', 'author_name', 'from_staff', 'body', 'created_at', 'edited_at']);
    await files.holdIn({ type: 'reply', id: replyId }, { transaction: trx });
    return changed;
  });
  await signalFollowers(services, row.word_id);
  return { reply: toReply(updated as ReplyRow, user.id, now), wordId: row.word_id };
}
