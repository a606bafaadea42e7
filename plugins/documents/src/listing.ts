import { PageCursorInvalid, type Knex } from '@preau/sdk';
import { escapeLike, nameKey, NODE_COLUMNS, toItem, type DocumentItem, type NodeRow } from './nodes.js';

export type SortBy = 'name' | 'date' | 'size';
export type SortOrder = 'asc' | 'desc';

/** What a folder's page is asked with. */
export interface ListOptions {
  sort: SortBy;
  order: SortOrder;
  cursor?: string;
  limit: number;
  /** Words of a name: searches the whole tree under the folder, accents and case ignored. */
  query?: string;
}

const COLUMN: Record<SortBy, string> = { name: 'name_key', date: 'updated_at', size: 'size' };

type CursorValue = [isFile: boolean, value: string | number, id: number];

/** Opaque to the client: the last row's kind, sort value and id (keyset pagination, folders first). */
function encodeCursor(row: NodeRow, sort: SortBy): string {
  const value = sort === 'name' ? row.name_key : sort === 'date' ? new Date(row.updated_at).getTime() : Number(row.size);
  return Buffer.from(JSON.stringify([row.is_file, value, row.id] satisfies CursorValue)).toString('base64url');
}

function decodeCursor(text: string, sort: SortBy): CursorValue {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw PageCursorInvalid();
  }
  const ok = Array.isArray(value) && value.length === 3 && typeof value[0] === 'boolean' && Number.isInteger(value[2])
    && (sort === 'name' ? typeof value[1] === 'string' : Number.isFinite(value[1]));
  if (!ok) throw PageCursorInvalid();
  return value as CursorValue;
}

/**
 * One page of a folder (or of the top of a person's space: `parentId` null): folders first, then files, in
 * the asked order, after the cursor. The order's columns are indexed per folder, so the first page of a
 * folder of 10,000 files reads only the rows it returns.
 */
export async function listFolder(db: Knex, where: { parentId: number | null; ownerId: number }, options: ListOptions): Promise<{ items: DocumentItem[]; nextCursor: string | null }> {
  const column = COLUMN[options.sort];
  const direction = options.order;
  const cursor = options.cursor ? decodeCursor(options.cursor, options.sort) : undefined;
  const after = (query: Knex.QueryBuilder, isFile: boolean): Knex.QueryBuilder => {
    if (!cursor || cursor[0] !== isFile) return query;
    const [, value, id] = cursor;
    return query.whereRaw(`(${column}, id) ${direction === 'asc' ? '>' : '<'} (?, ?)`, [options.sort === 'date' ? new Date(value as number) : value, id]);
  };
  const ordered = (query: Knex.QueryBuilder, limit: number) =>
    query.orderBy([{ column, order: direction }, { column: 'id', order: direction }]).limit(limit).select(NODE_COLUMNS.map((c) => `nodes.${c}`)) as Promise<NodeRow[]>;
  const rows: NodeRow[] = [];
  const search = options.query?.trim();
  // Folders, then files: two reads in one direction each, so that each walks its index (parent, kind, column,
  // id) forwards or backwards and stops at the page's end, whatever the order asked.
  for (const isFile of [false, true]) {
    if (cursor && cursor[0] && !isFile) continue;
    const wanted = options.limit + 1 - rows.length;
    if (wanted <= 0) break;
    const base = search
      ? db.withRecursive('tree', db.raw(
        `select n.id from nodes n where n.trashed_at is null and ${where.parentId === null ? 'n.parent_id is null and n.owner_id = ?' : 'n.parent_id = ?'}
         union all
         select c.id from tree join nodes c on c.parent_id = tree.id where c.trashed_at is null`, [where.parentId ?? where.ownerId],
      )).from('nodes').whereIn('nodes.id', db.select('id').from('tree')).where('name_key', 'like', `%${escapeLike(nameKey(search))}%`)
      : db('nodes').whereNull('trashed_at').where((w) => (where.parentId === null ? w.whereNull('parent_id').where('owner_id', where.ownerId) : w.where('parent_id', where.parentId)));
    rows.push(...(await ordered(after(base.where('is_file', isFile), isFile), wanted)));
  }
  const page = rows.slice(0, options.limit);
  return { items: page.map(toItem), nextCursor: rows.length > options.limit ? encodeCursor(page[page.length - 1]!, options.sort) : null };
}
