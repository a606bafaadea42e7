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

/** How many visible items the user has not read. */
export async function unreadCount(knex: Knex, userId: number): Promise<number> {
  const row = await knex('core.notification_recipients').where({ user_id: userId }).whereNull('read_at').whereNull('hidden_at').count({ count: '*' }).first();
  return Number(row?.count ?? 0);
}

/** Unread counts of several users in one read. */
export async function unreadCounts(knex: Knex, userIds: readonly number[]): Promise<Map<number, number>> {
  const rows: { user_id: number; count: number | string }[] = await knex('core.notification_recipients')
    .whereIn('user_id', userIds)
    .whereNull('read_at')
    .whereNull('hidden_at')
    .groupBy('user_id')
    .select('user_id')
    .count({ count: '*' });
  const counts = new Map<number, number>(userIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.user_id, Number(row.count));
  return counts;
}

/** Marks items read (given ids, or all); returns the ids that changed when ids were given. */
export async function markRead(knex: Knex, userId: number, now: Date, ids: readonly number[] | 'all'): Promise<number[]> {
  const query = knex('core.notification_recipients').where({ user_id: userId }).whereNull('read_at');
  if (ids !== 'all') query.whereIn('notification_id', ids);
  const rows: { notification_id: number | string }[] = await query.update({ read_at: now }).returning('notification_id');
  return rows.map((row) => Number(row.notification_id));
}

/** Hides one item from the timeline (it stays read); false when it is not the user's. */
export async function hideItem(knex: Knex, userId: number, now: Date, id: number): Promise<boolean> {
  const changed = await knex('core.notification_recipients')
    .where({ user_id: userId, notification_id: id })
    .update({ hidden_at: knex.raw('coalesce(hidden_at, ?)', [now]), read_at: knex.raw('coalesce(read_at, ?)', [now]) });
  return changed > 0;
}
