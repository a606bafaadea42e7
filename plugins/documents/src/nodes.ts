import { frenchSortKey, roleIncludes, type AccessRole, type Knex, type PluginServices, type SharedResourceRef } from '@preau/sdk';
import { BadName, NodeNotFound, RoleTooLow } from './errors.js';

/** A file or folder as stored. */
export interface NodeRow {
  id: number;
  is_file: boolean;
  parent_id: number | null;
  owner_id: number;
  name: string;
  name_key: string;
  size: string | number;
  media_type: string | null;
  blob_id: string | null;
  current_version: number | null;
  created_by: number | null;
  created_at: Date | string;
  updated_at: Date | string;
  trashed_at: Date | string | null;
  trashed_by: number | null;
  trash_root: number | null;
}

/** A file or folder as the web app sees it. */
export interface DocumentItem {
  id: number;
  kind: 'folder' | 'file';
  name: string;
  parentId: number | null;
  size: number;
  mediaType: string | null;
  /** The current version's number (files only). */
  version: number | null;
  /** True when the server makes a thumbnail of it (raster images). */
  thumbnail: boolean;
  /**
   * The current version's blob, for texts that insert it (`/api/core/files/<blobId>`): the core serves it to
   * whoever may read this document or a text holding it.
   */
  blobId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const NODE_COLUMNS = ['id', 'is_file', 'parent_id', 'owner_id', 'name', 'name_key', 'size', 'media_type', 'blob_id', 'current_version', 'created_by', 'created_at', 'updated_at', 'trashed_at', 'trashed_by', 'trash_root'];

const THUMBNAILED = /^image\/(jpeg|png|webp|gif|avif|tiff)$/;

/** True when the server makes thumbnails of this media type. */
export const hasThumbnail = (mediaType: string | null): boolean => mediaType !== null && THUMBNAILED.test(mediaType);

export function toItem(row: NodeRow): DocumentItem {
  return {
    id: row.id,
    kind: row.is_file ? 'file' : 'folder',
    name: row.name,
    parentId: row.parent_id,
    size: Number(row.size),
    mediaType: row.media_type,
    version: row.current_version,
    thumbnail: row.is_file && hasThumbnail(row.media_type),
    blobId: row.blob_id,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The node as the sharing service knows it: folders and files are two declared types of one tree. */
export const shareRef = (node: Pick<NodeRow, 'id' | 'is_file'>): SharedResourceRef => ({ type: node.is_file ? 'file' : 'folder', id: node.id });

/** A live node and the user's role on it; `NodeNotFound` (404) when it is trashed, absent or not theirs to see. */
export async function access(services: Pick<PluginServices, 'db' | 'sharing'>, userId: number, nodeId: number, db: Knex = services.db): Promise<{ node: NodeRow; role: AccessRole }> {
  const node = (await db('nodes').where({ id: nodeId }).whereNull('trashed_at').first(NODE_COLUMNS)) as NodeRow | undefined;
  if (!node) throw NodeNotFound();
  const role = await services.sharing.roleOf(userId, shareRef(node), db.isTransaction ? { transaction: db as Knex.Transaction } : undefined);
  if (!role) throw NodeNotFound();
  return { node, role };
}

/** What each role may do, in the words of the refusal. */
const ACTIONS = { read: 'lire', contribute: 'ajouter des fichiers', manage: 'renommer, déplacer ou supprimer' } as const;

/** Throws `RoleTooLow` (403) when `role` does not include `needed`. */
export function requireRole(role: AccessRole, needed: keyof typeof ACTIONS): void {
  if (!roleIncludes(role, needed)) throw RoleTooLow(ACTIONS[needed]);
}

/** A name the user typed: trimmed, without control characters; refused when it holds a path or only dots. */
export function cleanName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  if (cleaned === '' || /[/\\]/.test(cleaned) || /^\.+$/.test(cleaned) || cleaned.length > 255) throw BadName();
  return cleaned;
}

/** The sort, search and collision key of a name. */
export const nameKey = (name: string): string => frenchSortKey(name.normalize('NFC'));

/** Where names collide: the folder, or the top of a person's space (negated owner id). */
const slot = (parentId: number | null, ownerId: number): number => parentId ?? -ownerId;

/**
 * Serializes the writes of names into one folder (two uploads of "photo.jpg" at once): a transaction-level
 * lock, so any process serving the same database waits its turn.
 */
export async function lockFolder(trx: Knex.Transaction, parentId: number | null, ownerId: number): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`documents:slot:${slot(parentId, ownerId)}`]);
}

/** `name` when free in the folder, else "name (2).ext", "name (3).ext"… (call it after `lockFolder`). */
export async function freeName(trx: Knex.Transaction, parentId: number | null, ownerId: number, name: string, exceptId?: number): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [named, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  // "Rapport (2).txt" copied beside itself is "Rapport (3).txt", not "Rapport (2) (2).txt".
  const base = named.replace(/ \(\d+\)$/, '') || named;
  const query = trx('nodes')
    .whereRaw('coalesce(parent_id, -owner_id) = ?', [slot(parentId, ownerId)])
    .whereNull('trashed_at')
    .where((where) => where.where('name_key', nameKey(name)).orWhere('name_key', 'like', `${escapeLike(nameKey(base))} (%`));
  if (exceptId !== undefined) query.whereNot('id', exceptId);
  const taken = new Set<string>(await query.pluck('name_key'));
  if (!taken.has(nameKey(name))) return name;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} (${n})${extension}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

/** A text matched literally by `like`. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The ids of a node's ancestors, nearest first (itself left out). */
export async function ancestorsOf(db: Knex, nodeId: number): Promise<{ id: number; name: string; is_file: boolean }[]> {
  const { rows } = (await db.raw(
    `with recursive up as (
       select p.id, p.name, p.is_file, p.parent_id, 1 as depth from nodes n join nodes p on p.id = n.parent_id where n.id = ?
       union all
       select p.id, p.name, p.is_file, p.parent_id, up.depth + 1 from up join nodes p on p.id = up.parent_id where up.depth < 200
     ) select id, name, is_file from up order by depth`,
    [nodeId],
  )) as { rows: { id: number; name: string; is_file: boolean }[] };
  return rows;
}

/** Every live node under `nodeId` (itself included), with its path of names below it, parents before children. */
export async function subtreeOf(db: Knex, nodeId: number, limit: number): Promise<(NodeRow & { depth: number; path: string })[]> {
  const { rows } = (await db.raw(
    `with recursive down as (
       select n.*, 0 as depth, n.name::text as path from nodes n where n.id = ? and n.trashed_at is null
       union all
       select c.*, down.depth + 1, down.path || '/' || c.name from down join nodes c on c.parent_id = down.id
        where c.trashed_at is null and down.depth < 200
     ) select * from down order by depth, id limit ?`,
    [nodeId, limit],
  )) as { rows: (NodeRow & { depth: number; path: string })[] };
  return rows;
}

/** The holder string of a version's thumbnail. */
export const thumbnailHolder = (versionId: number): string => `documents:thumbnail:${versionId}`;
