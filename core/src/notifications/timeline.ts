import type { Knex } from 'knex';
import type { Language } from '@preau/sdk';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { findType } from './notification-types.js';
import { toTimelineItem, type NotificationRow, type TimelineItem } from './render-notification.js';

const ITEM_COLUMNS = `n.id, n.app, n.type, n.actor_id, a.display_name as actor_name, n.resource, n.params, n.created_at, r.read_at`;

/** One page of a user's timeline, newest first, before the cursor (hidden items left out). */
export async function timelinePage(
  knex: Knex,
  registry: PluginRegistry | undefined,
  user: { id: number; language: Language },
  query: { before?: number; after?: number; limit: number; app?: string },
): Promise<{ items: TimelineItem[]; more: boolean }> {
  // `after` (resuming a socket) reads forward from the cursor, oldest first, so that nothing is skipped.
  const forward = query.after !== undefined;
  const rows: NotificationRow[] = await knex('core.notification_recipients as r')
    .join('core.notifications as n', 'n.id', 'r.notification_id')
    .leftJoin('core.users as a', 'a.id', 'n.actor_id')
    .where('r.user_id', user.id)
    .whereNull('r.hidden_at')
    .modify((q) => {
      if (query.before !== undefined) q.where('r.notification_id', '<', query.before);
      if (forward) q.where('r.notification_id', '>', query.after!);
      if (query.app) q.where('n.app', query.app);
    })
    .orderBy('r.notification_id', forward ? 'asc' : 'desc')
    .limit(query.limit + 1)
    .select(knex.raw(ITEM_COLUMNS));
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const items = page.map((row) => toTimelineItem(row, findType(registry, row.app, row.type), user.language));
  return { items, more };
}

/** One notification as a recipient sees it, or undefined when it is not theirs. */
export async function timelineItem(knex: Knex, registry: PluginRegistry | undefined, user: { id: number; language: Language }, id: number): Promise<TimelineItem | undefined> {
  const row: NotificationRow | undefined = await knex('core.notification_recipients as r')
    .join('core.notifications as n', 'n.id', 'r.notification_id')
    .leftJoin('core.users as a', 'a.id', 'n.actor_id')
    .where({ 'r.user_id': user.id, 'r.notification_id': id })
    .first(knex.raw(ITEM_COLUMNS));
  return row && toTimelineItem(row, findType(registry, row.app, row.type), user.language);
}

/** How many visible items the user has not read (the counter kept beside the rows). */
export async function unreadCount(knex: Knex, userId: number): Promise<number> {
  const row = await knex('core.notification_unread').where({ user_id: userId }).first('count');
  return Number(row?.count ?? 0);
}

async function lowerUnread(trx: Knex.Transaction, userId: number, by: number): Promise<void> {
  if (by > 0) await trx('core.notification_unread').where({ user_id: userId }).update({ count: trx.raw('greatest(count - ?, 0)', [by]) });
}

/** Marks items read (given ids, or all); returns the ids that changed. */
export async function markRead(knex: Knex, userId: number, now: Date, ids: readonly number[] | 'all'): Promise<number[]> {
  return knex.transaction(async (trx) => {
    const query = trx('core.notification_recipients').where({ user_id: userId }).whereNull('read_at');
    if (ids !== 'all') query.whereIn('notification_id', ids);
    const rows: { notification_id: number | string; hidden_at: Date | null }[] = await query.update({ read_at: now }).returning(['notification_id', 'hidden_at']);
    await lowerUnread(trx, userId, rows.filter((row) => !row.hidden_at).length);
    return rows.map((row) => Number(row.notification_id));
  });
}

/** Marks read each user's notifications about one resource; returns, per user, the ids that changed. */
export async function markResourceRead(knex: Knex, userIds: readonly number[], now: Date, resource: { app: string; id: string }): Promise<Map<number, number[]>> {
  if (userIds.length === 0) return new Map();
  return knex.transaction(async (trx) => {
    const rows: { user_id: number; notification_id: number | string; hidden_at: Date | null }[] = await trx('core.notification_recipients as r')
      .update({ read_at: now })
      .whereRaw('r.user_id = any(?::int[])', [[...userIds]])
      .whereNull('r.read_at')
      .whereIn('r.notification_id', trx('core.notifications').where({ app: resource.app }).whereRaw("resource->>'id' = ?", [resource.id]).select('id'))
      .returning(['r.user_id', 'r.notification_id', 'r.hidden_at']);
    const changed = new Map<number, number[]>();
    for (const row of rows) changed.set(row.user_id, [...(changed.get(row.user_id) ?? []), Number(row.notification_id)]);
    for (const [userId] of changed) await lowerUnread(trx, userId, rows.filter((row) => row.user_id === userId && !row.hidden_at).length);
    return changed;
  });
}

/** Hides one item from the timeline (it counts as read); false when it is not the user's. */
export async function hideItem(knex: Knex, userId: number, now: Date, id: number): Promise<boolean> {
  return knex.transaction(async (trx) => {
    const row: { read_at: Date | null; hidden_at: Date | null } | undefined = await trx('core.notification_recipients')
      .where({ user_id: userId, notification_id: id })
      .forUpdate()
      .first('read_at', 'hidden_at');
    if (!row) return false;
    if (row.hidden_at) return true;
    await trx('core.notification_recipients').where({ user_id: userId, notification_id: id }).update({ hidden_at: now, read_at: row.read_at ?? now });
    await lowerUnread(trx, userId, row.read_at ? 0 : 1);
    return true;
  });
}
