import type { Knex } from '@preau/sdk';
import type { Item } from './schemas.js';

interface ItemRow {
  id: number;
  school_id: number;
  title: string;
  created_by: number | null;
  created_at: Date;
}

const toItem = (row: ItemRow): Item => ({
  id: row.id,
  schoolId: row.school_id,
  title: row.title,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
});

/** The items of a school, newest first. `db` is bound to the plugin's own schema. */
export async function listItems(db: Knex, schoolId: number): Promise<Item[]> {
  const rows = await db<ItemRow>('items').where({ school_id: schoolId }).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
  return rows.map(toItem);
}

/** Adds an item to a school. */
export async function addItem(db: Knex, input: { schoolId: number; title: string; by: number; at: Date }): Promise<Item> {
  const [row] = await db<ItemRow>('items')
    .insert({ school_id: input.schoolId, title: input.title.trim(), created_by: input.by, created_at: input.at })
    .returning('*');
  return toItem(row as ItemRow);
}
