import type { Knex, PluginServices } from '@preau/sdk';
import { MoveIntoItself, TooMany } from './errors.js';
import { ancestorsOf, cleanName, freeName, lockFolder, nameKey, shareRef, subtreeOf, thumbnailHolder, type NodeRow } from './nodes.js';

type Services = Pick<PluginServices, 'db' | 'storage' | 'insertedFiles' | 'sharing' | 'clock'>;

/** The most a copy makes in one request (a whole class's year of photos fits). */
export const COPY_LIMIT = 10_000;

/** Renames a node; "name (2)" when another one in its folder has the name. Returns the name given. */
export async function renameNode(services: Services, node: NodeRow, name: string): Promise<string> {
  const wanted = cleanName(name);
  return services.db.transaction(async (trx) => {
    await lockFolder(trx, node.parent_id, node.owner_id);
    const free = await freeName(trx, node.parent_id, node.owner_id, wanted, node.id);
    await trx('nodes').where({ id: node.id }).update({ name: free, name_key: nameKey(free), updated_at: services.clock.now() });
    return free;
  });
}

/**
 * Moves a node into `destination` (null: the top of `by`'s space, who then owns it). A folder into itself or
 * one of its subfolders is refused. Returns its name there (suffixed on a collision).
 */
export async function moveNode(services: Services, node: NodeRow, destination: number | null, by: number): Promise<string> {
  return services.db.transaction(async (trx) => {
    if (destination !== null && (destination === node.id || (await ancestorsOf(trx, destination)).some((a) => a.id === node.id))) throw MoveIntoItself();
    const ownerId = destination === null ? by : node.owner_id;
    await lockFolder(trx, destination, ownerId);
    const free = await freeName(trx, destination, ownerId, node.name, node.id);
    await trx('nodes').where({ id: node.id }).update({ parent_id: destination, owner_id: ownerId, name: free, name_key: nameKey(free), updated_at: services.clock.now() });
    if (destination === null) await services.sharing.register(shareRef(node), { owner: by, parent: null, transaction: trx });
    else await services.sharing.setParent(shareRef(node), { type: 'folder', id: destination }, { transaction: trx });
    return free;
  });
}

/**
 * Copies a node and everything live under it into `destination` (null: the top of `by`'s space). Each file's
 * copy starts at version 1 with the current content; the bytes are not duplicated (storage references the
 * same blob). Returns the copy's id.
 */
export async function copyNode(services: Services, node: NodeRow, destination: number | null, by: number): Promise<number> {
  const nodes = await subtreeOf(services.db, node.id, COPY_LIMIT + 1);
  if (nodes.length > COPY_LIMIT) throw TooMany(COPY_LIMIT);
  return services.db.transaction(async (trx) => {
    const ownerId = destination === null ? by : ((await trx('nodes').where({ id: destination }).first('owner_id'))?.owner_id as number);
    await lockFolder(trx, destination, ownerId);
    const now = services.clock.now();
    const copies = new Map<number, number>();
    for (const original of nodes) {
      const parentId = original.id === node.id ? destination : copies.get(original.parent_id!)!;
      const name = original.id === node.id ? await freeName(trx, destination, ownerId, original.name) : original.name;
      const [row] = await trx('nodes').insert({
        is_file: original.is_file, parent_id: parentId, owner_id: ownerId, name, name_key: nameKey(name), size: original.size, media_type: original.media_type,
        blob_id: original.blob_id, current_version: original.is_file ? 1 : null, created_by: by, created_at: now, updated_at: now,
      }).returning('id');
      copies.set(original.id, row.id);
      await services.sharing.register(shareRef({ id: row.id, is_file: original.is_file }), { owner: ownerId, parent: parentId ? { type: 'folder', id: parentId } : null, transaction: trx });
      if (original.is_file && original.blob_id) {
        const [version] = await trx('versions').insert({
          node_id: row.id, number: 1, blob_id: original.blob_id, name: original.name, size: original.size, media_type: original.media_type ?? 'application/octet-stream', author_id: by, created_at: now,
        }).returning('id');
        await services.insertedFiles.hold([original.blob_id], { type: 'version', id: version.id }, { transaction: trx });
      }
    }
    return copies.get(node.id)!;
  });
}

/** Puts a node and everything under it in the trash (its `trash_root`); they vanish from listings and shares. */
export async function trashNode(services: Services, node: NodeRow, by: number): Promise<void> {
  await services.db.raw(
    `with recursive down as (
       select id from nodes where id = :id and trashed_at is null
       union all
       select c.id from down join nodes c on c.parent_id = down.id where c.trashed_at is null
     ) update nodes set trashed_at = :now, trashed_by = :by, trash_root = :id where id in (select id from down)`,
    { id: node.id, now: services.clock.now(), by },
  );
}

/**
 * Takes a node out of the trash with what was trashed with it, back in its folder, or at the top of `by`'s
 * space when that folder is gone or trashed; renamed "name (2)" when its name was taken meanwhile.
 */
export async function restoreNode(services: Services, node: NodeRow, by: number): Promise<void> {
  await services.db.transaction(async (trx) => {
    const parent = node.parent_id === null ? undefined : await trx('nodes').where({ id: node.parent_id }).whereNull('trashed_at').first('id');
    const parentId = parent ? node.parent_id : null;
    const ownerId = parentId === null && node.parent_id !== null ? by : node.owner_id;
    await lockFolder(trx, parentId, ownerId);
    const free = await freeName(trx, parentId, ownerId, node.name, node.id);
    // Renamed while still in the trash: the live names' unique index never sees two at once.
    await trx('nodes').where({ id: node.id }).update({ parent_id: parentId, owner_id: ownerId, name: free, name_key: nameKey(free) });
    await trx('nodes').where({ trash_root: node.id }).update({ trashed_at: null, trashed_by: null, trash_root: null });
    if (parentId === null && node.parent_id !== null) await services.sharing.register(shareRef(node), { owner: by, parent: null, transaction: trx });
  });
}

/**
 * Deletes trashed nodes for good, each with what was trashed with it: their versions let go of their blobs
 * (storage deletes those nothing else holds: a text that inserted one keeps it) and their shares go.
 */
export async function purgeNodes(services: Services, rootIds: readonly number[]): Promise<void> {
  for (const rootId of rootIds) {
    await services.db.transaction(async (trx: Knex.Transaction) => {
      const root = await trx('nodes').where({ id: rootId, trash_root: rootId }).first('id', 'is_file');
      if (!root) return;
      const versions: { id: number; blob_id: string; thumbnail_blob_id: string | null }[] = await trx('versions')
        .join('nodes', 'nodes.id', 'versions.node_id').where('nodes.trash_root', rootId).select('versions.id', 'versions.blob_id', 'versions.thumbnail_blob_id');
      for (const version of versions) {
        await services.insertedFiles.detach({ type: 'version', id: version.id }, { transaction: trx });
        if (version.thumbnail_blob_id) await services.storage.removeReferences([version.thumbnail_blob_id], thumbnailHolder(version.id), { transaction: trx });
      }
      // Inside it, things trashed earlier on their own keep their own trash entry: they go to the top of their owner's space.
      const apart: { id: number; is_file: boolean }[] = await trx('nodes')
        .whereIn('parent_id', trx('nodes').where({ trash_root: rootId }).select('id')).whereNot('trash_root', rootId).select('id', 'is_file');
      for (const node of apart) {
        await trx('nodes').where({ id: node.id }).update({ parent_id: null });
        await services.sharing.setParent(shareRef(node), null, { transaction: trx });
      }
      await services.sharing.remove(shareRef(root), { transaction: trx });
      await trx('nodes').where({ id: rootId }).delete();
    });
  }
}
