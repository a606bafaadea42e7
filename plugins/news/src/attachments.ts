import type { Knex, PluginServices } from '@preau/sdk';
import { AttachmentRefused } from './errors.js';

/** An item's file or image, as readers see it. */
export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

const holder = (itemId: number) => `news:item:${itemId}`;

/**
 * The attachments an item will have: each must be a file the writer uploaded, or one the item already had (a
 * publisher editing a contributor's item keeps the contributor's files). Read before the write's transaction.
 */
export async function checkAttachments(services: Pick<PluginServices, 'storage'>, writerId: number, blobIds: readonly string[], alreadyOn: readonly string[] = []): Promise<Attachment[]> {
  if (blobIds.length === 0) return [];
  const blobs = new Map((await services.storage.statMany(blobIds)).map((b) => [b.id, b]));
  const refused = blobIds.filter((id) => !blobs.has(id) || (blobs.get(id)!.owner !== writerId && !alreadyOn.includes(id)));
  if (refused.length) throw Object.assign(AttachmentRefused(), { details: { refused } });
  return blobIds.map((id) => {
    const blob = blobs.get(id)!;
    return { id, name: blob.name, mediaType: blob.mediaType, size: blob.size };
  });
}

/** Replaces an item's attachments inside the item's transaction; files no longer attached lose this reference. */
export async function writeAttachments(services: Pick<PluginServices, 'storage'>, trx: Knex.Transaction, itemId: number, attachments: readonly Attachment[]): Promise<void> {
  const before: string[] = await trx('item_attachments').where({ item_id: itemId }).pluck('blob_id');
  await trx('item_attachments').where({ item_id: itemId }).delete();
  if (attachments.length) {
    await trx('item_attachments').insert(attachments.map((a, position) => ({ item_id: itemId, blob_id: a.id, name: a.name, media_type: a.mediaType, size: a.size, position })));
  }
  for (const a of attachments) await services.storage.addReference(a.id, holder(itemId), { transaction: trx });
  const dropped = before.filter((id) => !attachments.some((a) => a.id === id));
  if (dropped.length) await services.storage.removeReferences(dropped, holder(itemId), { transaction: trx });
}

/** Lets go of every file of items being trashed or purged, attached or inserted in their text (inside their transaction). */
export async function releaseAttachments(services: Pick<PluginServices, 'storage' | 'insertedFiles'>, trx: Knex.Transaction, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length === 0) return;
  for (const itemId of itemIds) await services.insertedFiles.detach({ type: 'body', id: itemId }, { transaction: trx });
  const rows: { item_id: number; blob_id: string }[] = await trx('item_attachments').whereIn('item_id', itemIds).select('item_id', 'blob_id');
  const byItem = new Map<number, string[]>();
  for (const r of rows) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r.blob_id]);
  for (const [itemId, ids] of byItem) await services.storage.removeReferences(ids, holder(itemId), { transaction: trx });
  await trx('item_attachments').whereIn('item_id', itemIds).delete();
}

/** The attachments of these items, in their order. */
export async function attachmentsOf(db: Knex, itemIds: readonly number[]): Promise<Map<number, Attachment[]>> {
  const rows: { item_id: number; blob_id: string; name: string; media_type: string; size: number }[] = itemIds.length
    ? await db('item_attachments').whereIn('item_id', itemIds).orderBy(['item_id', 'position']).select('item_id', 'blob_id', 'name', 'media_type', 'size')
    : [];
  const byItem = new Map<number, Attachment[]>();
  for (const r of rows) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), { id: r.blob_id, name: r.name, mediaType: r.media_type, size: Number(r.size) }]);
  return byItem;
}
