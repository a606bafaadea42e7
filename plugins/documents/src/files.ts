import type { Knex, PluginServices, StoredBlob } from '@preau/sdk';
import { BadPaths } from './errors.js';
import { cleanName, freeName, lockFolder, nameKey, shareRef, type NodeRow } from './nodes.js';

/** Where new files go and who adds them. */
export interface Placement {
  /** The folder, or null for the top of `ownerId`'s space. */
  parentId: number | null;
  /** Whose space the top is (and the owner of what is created there). */
  ownerId: number;
  /** The person adding the files: the author of their versions. */
  by: number;
}

/** What an upload did to each file. */
export interface PlacedFile {
  id: number;
  name: string;
  parentId: number | null;
  version: number;
  /** True when it became a new version of a file of the same name. */
  newVersion: boolean;
}

/** Reads the upload's optional `paths` field: for each file, the folders it sits in, relative (a folder upload). */
export function parsePaths(field: string | undefined, count: number): string[][] {
  if (field === undefined || field === '') return Array.from({ length: count }, () => []);
  let value: unknown;
  try {
    value = JSON.parse(field);
  } catch {
    throw BadPaths();
  }
  if (!Array.isArray(value) || value.length !== count || !value.every((p) => typeof p === 'string' && p.length <= 1024)) throw BadPaths();
  return (value as string[]).map((path) => {
    const parts = path.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..') || parts.length > 20) throw BadPaths();
    return parts.map(cleanName);
  });
}

/** Makes (or finds) the folder `name` in `parent`, registered for sharing under it. */
export async function ensureFolder(services: Pick<PluginServices, 'sharing' | 'clock'>, trx: Knex.Transaction, at: Placement, name: string): Promise<number> {
  await lockFolder(trx, at.parentId, at.ownerId);
  const existing = await trx('nodes')
    .whereRaw('coalesce(parent_id, -owner_id) = ?', [at.parentId ?? -at.ownerId])
    .whereNull('trashed_at').where({ name_key: nameKey(name), is_file: false }).first('id');
  if (existing) return existing.id as number;
  return createFolder(services, trx, at, name);
}

/** A new folder in `at`, renamed "name (2)" when the name is taken. */
export async function createFolder(services: Pick<PluginServices, 'sharing' | 'clock'>, trx: Knex.Transaction, at: Placement, name: string): Promise<number> {
  await lockFolder(trx, at.parentId, at.ownerId);
  const free = await freeName(trx, at.parentId, at.ownerId, name);
  const now = services.clock.now();
  const [row] = await trx('nodes').insert({
    is_file: false, parent_id: at.parentId, owner_id: at.ownerId, name: free, name_key: nameKey(free), created_by: at.by, created_at: now, updated_at: now,
  }).returning('id');
  await services.sharing.register({ type: 'folder', id: row.id }, { owner: at.ownerId, parent: at.parentId ? { type: 'folder', id: at.parentId } : null, transaction: trx });
  return row.id as number;
}

/** Adds a version to a file (inside the caller's transaction): the blob becomes its current content. */
export async function addVersion(services: Pick<PluginServices, 'insertedFiles' | 'clock'>, trx: Knex.Transaction, node: Pick<NodeRow, 'id'>, blob: Pick<StoredBlob, 'id' | 'name' | 'size' | 'mediaType'>, by: number): Promise<number> {
  const now = services.clock.now();
  const [last] = await trx('versions').where({ node_id: node.id }).max<{ max: number | null }[]>('number as max');
  const number = (last?.max ?? 0) + 1;
  const [version] = await trx('versions').insert({
    node_id: node.id, number, blob_id: blob.id, name: blob.name, size: blob.size, media_type: blob.mediaType, author_id: by, created_at: now,
  }).returning('id');
  await services.insertedFiles.hold([blob.id], { type: 'version', id: version.id }, { transaction: trx });
  await trx('nodes').where({ id: node.id }).update({ blob_id: blob.id, size: blob.size, media_type: blob.mediaType, current_version: number, updated_at: now });
  return number;
}

/**
 * Puts a stored blob in a folder: a new version of the live file of the same name there, else a new file
 * (named "name (2)" when a folder has that name). Inside the caller's transaction.
 */
export async function placeFile(services: Pick<PluginServices, 'insertedFiles' | 'sharing' | 'clock'>, trx: Knex.Transaction, at: Placement, blob: StoredBlob): Promise<PlacedFile> {
  await lockFolder(trx, at.parentId, at.ownerId);
  const same = await trx('nodes')
    .whereRaw('coalesce(parent_id, -owner_id) = ?', [at.parentId ?? -at.ownerId])
    .whereNull('trashed_at').where({ name_key: nameKey(blob.name), is_file: true }).first('id', 'name');
  if (same) {
    const version = await addVersion(services, trx, same, blob, at.by);
    return { id: same.id, name: same.name, parentId: at.parentId, version, newVersion: true };
  }
  const name = await freeName(trx, at.parentId, at.ownerId, blob.name);
  const now = services.clock.now();
  const [row] = await trx('nodes').insert({
    is_file: true, parent_id: at.parentId, owner_id: at.ownerId, name, name_key: nameKey(name), created_by: at.by, created_at: now, updated_at: now,
  }).returning('id');
  await services.sharing.register(shareRef({ id: row.id, is_file: true }), { owner: at.ownerId, parent: at.parentId ? { type: 'folder', id: at.parentId } : null, transaction: trx });
  const version = await addVersion(services, trx, row, blob, at.by);
  return { id: row.id, name, parentId: at.parentId, version, newVersion: false };
}

/**
 * Places every uploaded blob (with its relative folders, for a folder upload) in one transaction: all or
 * nothing. When it fails, the blobs are deleted, so a failed upload leaves no file and no quota used.
 */
export async function placeUpload(services: Pick<PluginServices, 'db' | 'storage' | 'insertedFiles' | 'sharing' | 'clock'>, at: Placement, blobs: StoredBlob[], paths: string[][]): Promise<PlacedFile[]> {
  try {
    return await services.db.transaction(async (trx) => {
      const folders = new Map<string, number | null>([['', at.parentId]]);
      const placed: PlacedFile[] = [];
      for (const [index, blob] of blobs.entries()) {
        let parentId = at.parentId;
        let path = '';
        for (const part of paths[index]!) {
          const key = `${path}/${nameKey(part)}`;
          if (!folders.has(key)) folders.set(key, await ensureFolder(services, trx, { ...at, parentId }, part));
          parentId = folders.get(key)!;
          path = key;
        }
        placed.push(await placeFile(services, trx, { ...at, parentId }, blob));
      }
      return placed;
    });
  } catch (error) {
    await Promise.all(blobs.map((blob) => services.storage.delete(blob.id).catch(() => false)));
    throw error;
  }
}
