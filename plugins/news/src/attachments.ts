import type { Attachment, FileHolderRef, Knex, PluginServices } from '@preau/sdk';
import { AttachmentRefused } from './errors.js';

export type { Attachment } from '@preau/sdk';

/** The storage's attachment set of an item (its references keep the holder `news:item:<id>`). */
export const itemFiles = (itemId: number): FileHolderRef => ({ type: 'item', id: itemId });

/**
 * The attachments an item will have: each must be a file the writer uploaded, or one the item already had (a
 * publisher editing a contributor's item keeps the contributor's files). Read before the write's transaction.
 */
export async function checkAttachments(services: Pick<PluginServices, 'attachments'>, writerId: number, blobIds: readonly string[], alreadyOn: number | null = null): Promise<readonly Attachment[]> {
  const { files, refused } = await services.attachments.check(writerId, blobIds, { alreadyOn: alreadyOn === null ? [] : [itemFiles(alreadyOn)] });
  if (refused.length) throw Object.assign(AttachmentRefused(), { details: { refused } });
  return files;
}

/** Lets go of every file of items being trashed or purged, attached or inserted in their text (inside their transaction). */
export async function releaseAttachments(services: Pick<PluginServices, 'attachments' | 'insertedFiles'>, trx: Knex.Transaction, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length === 0) return;
  for (const itemId of itemIds) await services.insertedFiles.detach({ type: 'body', id: itemId }, { transaction: trx });
  await services.attachments.release(itemIds.map(itemFiles), { transaction: trx });
}

/** The attachments of these items, in their order. */
export async function attachmentsOf(services: Pick<PluginServices, 'attachments'>, itemIds: readonly number[]): Promise<Map<number, Attachment[]>> {
  const lists = await services.attachments.of(itemIds.map(itemFiles));
  return new Map(itemIds.map((id, i) => [id, lists[i]!]));
}
