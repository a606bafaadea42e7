import type { Knex, PluginServices } from '@preau/sdk';
import { releaseAttachments } from './attachments.js';
import { includes, threadRef, threadSharing } from './access.js';

type Services = Pick<PluginServices, 'db' | 'notify' | 'jobs' | 'clock' | 'log' | 'settings' | 'insertedFiles' | 'attachments' | 'sharing'>;

const publishKey = (id: number) => `publish:${id}`;
const expireKey = (id: number) => `expire:${id}`;

/** The groups and people a thread is shared with (its readers), or only those that may publish; lapsed grants left out. */
async function granteesOf(services: Services, threadId: number, publishersOnly: boolean): Promise<{ groups: number[]; users: number[] }> {
  const { grants } = await threadSharing(services).listGrants(threadRef(threadId));
  const live = grants.filter((grant) => !grant.lapsed && (!publishersOnly || includes(grant.role, 'publish')));
  return {
    groups: live.flatMap((grant) => (grant.grantee.kind === 'group' ? [grant.grantee.id] : [])),
    users: live.flatMap((grant) => (grant.grantee.kind === 'user' ? [grant.grantee.id] : [])),
  };
}

/**
 * Tells the thread's readers an item is out, once: the row is marked first, so a job run twice (or a job
 * racing an immediate publication) notifies nobody twice.
 */
export async function announceIfDue(services: Services, itemId: number): Promise<boolean> {
  const now = services.clock.now();
  const [row] = await services.db('items')
    .where({ id: itemId, status: 'published' }).whereNull('notified_at').where('publish_at', '<=', now)
    .update({ notified_at: now })
    .returning(['id', 'thread_id', 'title', 'published_by', 'author_id']);
  if (!row) return false;
  const thread = await services.db('threads').where({ id: row.thread_id }).first('title');
  await services.notify.send({
    type: 'published',
    recipients: await granteesOf(services, row.thread_id, false),
    actor: row.published_by ?? row.author_id ?? null,
    resource: { app: 'news', id: String(row.id), url: `/apps/news/items/${row.id}` },
    params: { title: row.title, thread: thread?.title ?? '' },
  });
  return true;
}

/** Tells those who may publish in the thread that an item waits for them. */
export async function announceSubmitted(services: Services, item: { id: number; thread_id: number; title: string }, actor: number): Promise<void> {
  const thread = await services.db('threads').where({ id: item.thread_id }).first('title', 'created_by');
  const publishers = await granteesOf(services, item.thread_id, true);
  await services.notify.send({
    type: 'submitted',
    recipients: { groups: publishers.groups, users: [...new Set([...publishers.users, ...(thread?.created_by ? [thread.created_by] : [])])] },
    actor,
    resource: { app: 'news', id: String(item.id), url: `/apps/news/queue` },
    params: { title: item.title, thread: thread?.title ?? '' },
  });
}

/**
 * Plans what happens later to a published item, in the write's transaction: its announcement at its
 * publication time (readers are told when they can read it, not when it was written) and its expiry.
 */
export async function planItem(services: Services, trx: Knex.Transaction, item: { id: number; status: string; publish_at: Date | null; expires_at: Date | null }): Promise<void> {
  const now = services.clock.now();
  if (item.status === 'published' && item.publish_at && item.publish_at > now) {
    await services.jobs.schedule('publish', item.publish_at, { itemId: item.id }, { key: publishKey(item.id), transaction: trx });
  } else {
    await services.jobs.cancel(publishKey(item.id), { transaction: trx });
  }
  if (item.status === 'published' && item.expires_at) {
    await services.jobs.schedule('expire', item.expires_at, { itemId: item.id }, { key: expireKey(item.id), transaction: trx });
  } else {
    await services.jobs.cancel(expireKey(item.id), { transaction: trx });
  }
}

/** Registers the scheduled and daily jobs of news items. */
export function defineItemJobs(services: Services): void {
  services.jobs.define('publish', async (payload) => {
    await announceIfDue(services, Number(payload.itemId));
  });
  services.jobs.define('expire', async (payload) => {
    await services.db('items').where({ id: Number(payload.itemId), status: 'published' }).where('expires_at', '<=', services.clock.now())
      .update({ status: 'expired', headline: false, updated_at: services.clock.now() });
  });
  services.jobs.daily('purge', async (now) => purgeOldItems(services, now));
}

/** Deletes items (and their comments) created more than `purgeAfterMonths` months ago (24 by default). */
export async function purgeOldItems(services: Pick<Services, 'db' | 'settings' | 'log' | 'attachments' | 'insertedFiles'>, now: Date): Promise<number> {
  const months = Number(services.settings.purgeAfterMonths ?? 24);
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  // Their files are let go in the same transaction: a purge never leaves a file nobody holds, nor half an item.
  const purged = await services.db.transaction(async (trx) => {
    const ids: number[] = await trx('items').where('created_at', '<', limit).pluck('id');
    await releaseAttachments(services, trx, ids);
    if (ids.length) await trx('items').whereIn('id', ids).delete();
    return ids.length;
  });
  if (purged) services.log.info({ purged, months }, 'news: old items purged');
  return purged;
}
