import type { Knex, PluginServices } from '@preau/sdk';
import type { Item } from './schemas.js';
import { attachmentsOf } from './attachments.js';
import { decodePageCursor, encodePageCursor, MAX_ID } from '@preau/sdk';

/** An item row as read with its thread's title. */
export interface ItemRow {
  id: number;
  thread_id: number;
  thread_title: string;
  school_id: number;
  title: string;
  body: string;
  status: Item['status'];
  publish_at: Date | null;
  expires_at: Date | null;
  headline: boolean;
  author_id: number | null;
  notified_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = [
  'i.id', 'i.thread_id', 't.title as thread_title', 'i.school_id', 'i.title', 'i.body', 'i.status', 'i.publish_at',
  'i.expires_at', 'i.headline', 'i.author_id', 'i.notified_at', 'i.created_at', 'i.updated_at',
];

/** Items with their thread's title. */
export function itemsQuery(db: Knex): Knex.QueryBuilder {
  return db('items as i').join('threads as t', 't.id', 'i.thread_id').select(COLUMNS);
}

/** One item (any status), or undefined. */
export async function findItem(db: Knex, id: number): Promise<ItemRow | undefined> {
  return itemsQuery(db).where('i.id', id).first();
}

/** True when readers see it now: published, its publication time come, not expired. */
export function isLive(row: Pick<ItemRow, 'status' | 'publish_at' | 'expires_at'>, now: Date): boolean {
  return row.status === 'published' && row.publish_at !== null && row.publish_at <= now && (row.expires_at === null || row.expires_at > now);
}

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

/** Rows as the API answers them, with their authors' names and their files (each asked once for the page). */
export async function toItems(services: Pick<PluginServices, 'structure' | 'attachments'>, rows: readonly ItemRow[]): Promise<Item[]> {
  const authorIds = [...new Set(rows.flatMap((r) => (r.author_id ? [r.author_id] : [])))];
  const [people, files] = await Promise.all([
    services.structure.people(authorIds).then((found) => new Map(found.map((p) => [p.id, p]))),
    attachmentsOf(services, rows.map((r) => r.id)),
  ]);
  return rows.map((row) => {
    const author = row.author_id ? people.get(row.author_id) : undefined;
    return {
      id: row.id,
      threadId: row.thread_id,
      threadTitle: row.thread_title,
      schoolId: row.school_id,
      title: row.title,
      body: row.body,
      status: row.status,
      publishAt: iso(row.publish_at),
      expiresAt: iso(row.expires_at),
      headline: row.headline,
      author: author ? { id: author.id, displayName: author.displayName } : null,
      createdAt: iso(row.created_at)!,
      updatedAt: iso(row.updated_at)!,
      attachments: files.get(row.id) ?? [],
    };
  });
}

/** The keyset of the reading order: headline first, then newest publication, then newest id. */
function cursorOf(row: ItemRow): string {
  return encodePageCursor({ rank: row.headline ? 1 : 0, at: new Date(row.publish_at!), id: row.id });
}

/**
 * The live items of these threads in reading order (headlines first, newest first), one page after `after`.
 * Keyset pagination: a page is an index range scan however deep the reader goes.
 */
export async function livePage(db: Knex, threadIds: readonly number[], now: Date, options: { after?: string; limit: number }): Promise<{ rows: ItemRow[]; next: string | null }> {
  if (threadIds.length === 0) return { rows: [], next: null };
  const query = itemsQuery(db)
    .whereIn('i.thread_id', threadIds)
    .where('i.status', 'published')
    .where('i.publish_at', '<=', now)
    .where((q) => q.whereNull('i.expires_at').orWhere('i.expires_at', '>', now))
    .orderBy([{ column: 'i.headline', order: 'desc' }, { column: 'i.publish_at', order: 'desc' }, { column: 'i.id', order: 'desc' }])
    .limit(options.limit + 1);
  const after = decodePageCursor(options.after, { ranked: true, maxId: MAX_ID });
  if (after) query.whereRaw('((case when i.headline then 1 else 0 end), i.publish_at, i.id) < (?, ?, ?)', [after.rank ?? 0, after.at, after.id]);
  const rows = (await query) as ItemRow[];
  const more = rows.length > options.limit;
  if (more) rows.pop();
  return { rows, next: more ? cursorOf(rows[rows.length - 1]!) : null };
}
